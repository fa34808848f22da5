package com.kis.estimator.platform.workflow.doors;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a Camunda Form (form-js JSON) as a completion sees them: those the user fills in, and those the
 * form only shows. Tasklist sends every keyed field back when it completes a task, the shown ones unchanged.
 *
 * @param editable fields the user fills in: keyed inputs that are not read-only, and dynamic lists by their path
 * @param shown    read-only fields: a completion may repeat their current value, never change it
 */
record FormFields(Set<String> editable, Set<String> shown) {

    static final FormFields NONE = new FormFields(Set.of(), Set.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    FormFields {
        editable = Set.copyOf(editable);
        shown = Set.copyOf(shown);
    }

    static FormFields of(byte[] form) {
        try {
            Set<String> editable = new HashSet<>();
            Set<String> shown = new HashSet<>();
            collect(JSON.readTree(form).path("components"), editable, shown);
            shown.removeAll(editable);
            return new FormFields(editable, shown);
        } catch (IOException unreadable) {
            // A form Camunda accepted but nobody can read allows nothing beyond completing the task as it is.
            return NONE;
        }
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
        for (JsonNode component : components) {
            boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
                // the list's rows travel as one variable under its path; their own fields are checked by the task
                (readOnly ? shown : editable).add(component.path("path").asText());
                continue;
            }
            if (component.hasNonNull("key")) {
                (readOnly ? shown : editable).add(component.path("key").asText());
            }
            if (component.has("components")) {
                collect(component.path("components"), editable, shown);
            }
        }
    }
}
