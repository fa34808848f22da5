package com.kis.estimator.ai.web;

import jakarta.validation.constraints.Size;

/** Why a training is requested now (optional; kept with the process). */
record TrainRequest(@Size(max = 500) String reason) {
}
