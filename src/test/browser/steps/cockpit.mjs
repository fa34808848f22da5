// Camunda Cockpit as operations use it.
export {};
