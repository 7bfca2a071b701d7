package app.integrations;

import java.util.List;

/**
 * The platforms a user's posts can be published to: each name is one that an adapter
 * {@link PostPublisher#publishesTo publishes to}.
 * Every implementation contributes the targets it knows of (the webhook when set; connected providers).
 */
interface PublishingTargets {

    List<String> platformsOf(String userId);
}
