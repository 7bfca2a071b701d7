package app.users;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.security.CurrentUser;
import app.platform.web.NotFound;

/** Accounts: sign-up, the caller's own account, profile and plan. */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private final UserManagement management;

    UsersController(UserManagement management) {
        this.management = management;
    }

    record SignUp(String email, String password, String displayName) {
    }

    record PlanChange(String plan) {
    }

    /** An account as its owner sees it; the password hash never leaves the module. */
    record Account(String id, String email, String displayName, String plan, String industry, String tone,
            String language, Instant createdAt) {

        static Account of(User user) {
            return new Account(user.getId(), user.getEmail(), user.getDisplayName(), user.currentPlan().id(),
                    user.getIndustry(), user.getTone(), user.getLanguage(), user.getCreatedAt());
        }
    }

    @PostMapping
    ResponseEntity<Account> signUp(@RequestBody SignUp request) {
        User user = management.signUp(request.email(), request.password(), request.displayName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId())).body(Account.of(user));
    }

    @GetMapping("/me")
    Account me(CurrentUser caller) {
        return Account.of(owned(caller, caller.id()));
    }

    /** An account by id: only its owner finds it; for anyone else it does not exist. */
    @GetMapping("/{id}")
    Account account(CurrentUser caller, @PathVariable String id) {
        return Account.of(owned(caller, id));
    }

    @PatchMapping("/me")
    Account updateProfile(CurrentUser caller, @RequestBody ProfileChange change) {
        return Account.of(management.updateProfile(caller.id(), change));
    }

    @PutMapping("/me/subscription")
    Account changePlan(CurrentUser caller, @RequestBody PlanChange change) {
        return Account.of(management.changePlan(caller.id(), change.plan()));
    }

    private User owned(CurrentUser caller, String id) {
        if (!caller.id().equals(id)) {
            throw new NotFound("No account " + id);
        }
        return management.find(id).orElseThrow(() -> new NotFound("No account " + id));
    }
}
