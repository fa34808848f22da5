package com.kis.estimator.ai.web;

import jakarta.validation.constraints.Size;

/**
 * Why a training is requested now (optional; kept with the process), and whether an analyst should approve
 * this candidate even where the rule would decide ({@code approval}). {@code {}} asks for a training with
 * neither; the body is required, so a stray POST without one starts nothing.
 */
record TrainRequest(@Size(max = 500) String reason, Boolean approval) {
}
