package com.kis.estimator.platform.live;

/**
 * Something one user waits for moved on, such as the document they uploaded being read and ready for review.
 * Published inside the transaction that records it; only that user's open pages hear of it, after the commit.
 *
 * @param user   whose pages are told
 * @param kind   the event's name on the stream ({@code document})
 * @param id     what moved (a document id)
 * @param status where it is now
 */
public record UserNotice(String user, String kind, String id, String status) {
}
