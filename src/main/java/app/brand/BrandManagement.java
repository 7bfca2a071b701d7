package app.brand;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.Conflicts;
import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;
import app.studio.GenerationStepCompleted;
import app.users.OnboardingStepCompleted;
import tools.jackson.databind.json.JsonMapper;

/** Brand profiles and the audits of generated listings against them. */
@Service
class BrandManagement {

    private static final int MAX_TERMS = 50;
    private static final int MAX_TEXT = 100;
    private static final int ATTEMPTS = 10;
    static final String DEFAULT_VOICE = "friendly and clear";

    private final BrandProfiles profiles;
    private final BrandAudits audits;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final JsonMapper json;
    private final Clock clock;

    BrandManagement(BrandProfiles profiles, BrandAudits audits, ApplicationEventPublisher events,
            TransactionOperations transactions, JsonMapper json, Clock clock) {
        this.profiles = profiles;
        this.audits = audits;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Optional<BrandProfile> profile(String owner) {
        return profiles.find(BrandProfile.key(owner));
    }

    /**
     * Creates or replaces the profile (the last write wins; no version needed from the client, and a write that
     * raced another, the onboarding's default profile say, is made again over it).
     */
    BrandProfile replace(String owner, String voice, List<String> bannedTerms, List<String> requiredTerms) {
        check(voice, bannedTerms, requiredTerms);
        return Conflicts.retryOnConflict(ATTEMPTS, () -> {
            BrandProfile profile = profiles.find(BrandProfile.key(owner)).orElseGet(() -> BrandProfile.of(owner));
            profile.setVoice(voice == null || voice.isBlank() ? null : voice.strip());
            profile.setBannedTerms(bannedTerms == null ? List.of()
                    : bannedTerms.stream().map(String::strip).toList());
            profile.setRequiredTerms(requiredTerms == null ? List.of()
                    : requiredTerms.stream().map(String::strip).toList());
            profiles.save(profile);
            return profile;
        });
    }

    /**
     * The onboarding's brand step: a profile with the default voice, unless the user has one already (a profile set
     * first is kept). Reports {@code brand-profile} to the onboarding with the change.
     */
    void setUpDefaultProfile(String owner) {
        Conflicts.retryOnConflict(ATTEMPTS, () -> {
            transactions.executeWithoutResult(status -> {
                if (profiles.find(BrandProfile.key(owner)).isEmpty()) {
                    BrandProfile profile = BrandProfile.of(owner);
                    profile.setVoice(DEFAULT_VOICE);
                    profile.setBannedTerms(List.of());
                    profile.setRequiredTerms(List.of());
                    profiles.create(profile);
                }
                events.publishEvent(new OnboardingStepCompleted(UUID.randomUUID(), owner, "brand-profile"));
            });
            return null;
        });
    }

    /** Audits a content item once: a second delivery of its event finds the audit and does nothing. */
    void audit(String owner, String contentId, String text) {
        if (audits.find(BrandAudit.key(owner, BrandAudit.idFor(contentId))).isPresent()) {
            return;
        }
        BrandRules.Result result = BrandRules.audit(text,
                profiles.find(BrandProfile.key(owner)).orElseGet(() -> BrandProfile.of(owner)));
        BrandAudit audit = BrandAudit.of(owner, contentId, result.score(),
                json.writeValueAsString(result.findings()), clock.instant());
        transactions.executeWithoutResult(status -> {
            audits.create(audit);
            events.publishEvent(new BrandAuditCompleted(UUID.randomUUID(), audit.getId(), contentId, owner,
                    result.score(), result.findings().size()));
            events.publishEvent(new GenerationStepCompleted(UUID.randomUUID(), contentId, owner, "brand-audit"));
        });
    }

    Optional<BrandAudit> audit(String owner, String auditId) {
        return audits.find(BrandAudit.key(owner, auditId));
    }

    Optional<BrandAudit> auditOfContent(String owner, String contentId) {
        return audit(owner, BrandAudit.idFor(contentId));
    }

    private static void check(String voice, List<String> bannedTerms, List<String> requiredTerms) {
        List<FieldError> errors = new ArrayList<>();
        if (voice != null && voice.length() > MAX_TEXT) {
            errors.add(new FieldError("voice", "must be at most " + MAX_TEXT + " characters"));
        }
        checkTerms("bannedTerms", bannedTerms, errors);
        checkTerms("requiredTerms", requiredTerms, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void checkTerms(String field, List<String> terms, List<FieldError> errors) {
        if (terms != null && (terms.size() > MAX_TERMS
                || terms.stream().anyMatch(term -> term == null || term.isBlank() || term.length() > MAX_TEXT))) {
            errors.add(new FieldError(field, "must be at most " + MAX_TERMS + " terms of 1 to " + MAX_TEXT
                    + " characters"));
        }
    }
}
