/**
 * Live updates of the web UI beyond estimates: {@link com.kis.estimator.platform.live.UserNotice}, published by a
 * module when something one user waits for moves on, and carried to that user's open pages by the estimate
 * module's event stream ({@code GET /api/v1/estimates/events}).
 */
@org.springframework.modulith.NamedInterface("live")
package com.kis.estimator.platform.live;
