package app.brand;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.platform.dynamodb.Page;
import app.platform.security.CurrentUser;
import app.platform.web.NotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The caller's brand profile and the audits of their content. */
@RestController
@RequestMapping("/api/v1/brand")
class BrandController {

    private final BrandManagement brand;
    private final JsonMapper json;

    BrandController(BrandManagement brand, JsonMapper json) {
        this.brand = brand;
        this.json = json;
    }

    record Profile(String voice, List<String> bannedTerms, List<String> requiredTerms) {

        static Profile of(BrandProfile profile) {
            return new Profile(profile.getVoice(), profile.getBannedTerms(), profile.getRequiredTerms());
        }
    }

    record Audit(String id, String contentId, int score, List<Finding> findings, Instant createdAt) {
    }

    @GetMapping("/profile")
    Profile profile(CurrentUser caller) {
        return Profile.of(brand.profile(caller.id()).orElseThrow(() -> new NotFound("No brand profile yet")));
    }

    @PutMapping("/profile")
    Profile replaceProfile(CurrentUser caller, @RequestBody Profile profile) {
        return Profile.of(brand.replace(caller.id(), profile.voice(), profile.bannedTerms(),
                profile.requiredTerms()));
    }

    /** The audits of one content item (at most one), as a collection. */
    @GetMapping("/audits")
    Page<Audit> audits(CurrentUser caller, @RequestParam String contentId) {
        return new Page<>(brand.auditOfContent(caller.id(), contentId).map(this::view).stream().toList(), null);
    }

    @GetMapping("/audits/{id}")
    Audit audit(CurrentUser caller, @PathVariable String id) {
        return view(brand.audit(caller.id(), id).orElseThrow(() -> new NotFound("No audit " + id)));
    }

    private Audit view(BrandAudit audit) {
        return new Audit(audit.getId(), audit.getContentId(), audit.getScore(),
                json.readValue(audit.getFindings(), new TypeReference<List<Finding>>() {
                }), audit.getCreatedAt());
    }
}
