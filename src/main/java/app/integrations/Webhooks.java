package app.integrations;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The generic webhook provider: a user's one webhook URL and its signing secret. Setting the webhook makes a new
 * secret (the previous one stops working) and answers it once; it is stored encrypted and never shown again.
 * A user with a webhook has the publishing target {@code webhook}.
 */
@Service
class Webhooks implements PublishingTargets {

    static final String PLATFORM = "webhook";

    private final WebhookTargets targets;
    private final WebhookAddresses addresses;
    private final SigningSecrets secrets;
    private final Clock clock;

    Webhooks(WebhookTargets targets, WebhookAddresses addresses, SigningSecrets secrets, Clock clock) {
        this.targets = targets;
        this.addresses = addresses;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A webhook just set, with its secret in clear: the only time it is answered. */
    record SetWebhook(WebhookTarget target, String secret, boolean created) {
    }

    /** Sets (or replaces) the owner's webhook; {@link WebhookRefused} for a URL it may not call. */
    SetWebhook set(String owner, String url) {
        String checked = addresses.checked(url).toString();
        String secret = secrets.newSecret();
        Optional<WebhookTarget> existing = targets.find(WebhookTarget.key(owner));
        WebhookTarget target = WebhookTarget.of(owner, checked, secrets.encrypt(owner, secret), clock.instant());
        existing.ifPresent(previous -> target.setVersion(previous.getVersion()));
        targets.save(target);
        return new SetWebhook(target, secret, existing.isEmpty());
    }

    Optional<WebhookTarget> of(String owner) {
        return targets.find(WebhookTarget.key(owner));
    }

    /** The secret that signs the owner's deliveries. */
    String secretOf(WebhookTarget target) {
        return secrets.decrypt(target.getOwner(), target.getEncryptedSecret());
    }

    /** @return whether there was a webhook */
    boolean remove(String owner) {
        if (of(owner).isEmpty()) {
            return false;
        }
        targets.delete(WebhookTarget.key(owner));
        return true;
    }

    @Override
    public List<String> platformsOf(String userId) {
        return of(userId).isPresent() ? List.of(PLATFORM) : List.of();
    }
}
