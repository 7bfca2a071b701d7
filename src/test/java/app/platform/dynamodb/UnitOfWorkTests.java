package app.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.platform.PlatformIntegrationTest;

/** {@code @Transactional} work on DynamoDB: one aggregate per transaction, applied at commit, nothing on rollback. */
@PlatformIntegrationTest
class UnitOfWorkTests {

    @Autowired
    Notes notes;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final String owner = "owner-" + UUID.randomUUID();

    @Test
    void writesReachTheTableAtCommitNotBefore() {
        transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "pending"));

            assertThat(storedText("n1")).as("not yet in the table").isNull();
            assertThat(notes.find(Note.key(owner, "n1"))).as("but visible to its own transaction").isPresent();
        });

        assertThat(storedText("n1")).isEqualTo("pending");
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "doomed"));
            throw new IllegalStateException("business rule failed");
        })).hasMessage("business rule failed");

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
    }

    @Test
    void aSecondAggregateInOneTransactionIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            notes.create(Note.of(owner, "n1", "first"));
            notes.create(Note.of(owner, "n2", "second"));
        })).isInstanceOf(OneAggregatePerTransaction.class);

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
        assertThat(notes.find(Note.key(owner, "n2"))).isEmpty();
    }

    @Test
    void aConflictAtCommitRollsBackAndSurfacesAsStaleItem() {
        notes.create(Note.of(owner, "n1", "v1"));
        Note stale = notes.find(Note.key(owner, "n1")).orElseThrow();
        Note fresh = notes.find(Note.key(owner, "n1")).orElseThrow();
        fresh.setText("v2");
        notes.save(fresh);

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            stale.setText("lost update");
            notes.save(stale);
        })).isInstanceOf(StaleItem.class);

        assertThat(storedText("n1")).isEqualTo("v2");
    }

    @Test
    void requiresNewSuspendsTheOuterUnitOfWorkAndCommitsOnItsOwn() {
        TransactionTemplate inner = transaction();
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transaction().executeWithoutResult(outer -> {
            notes.create(Note.of(owner, "outer", "rolled back"));
            inner.executeWithoutResult(status -> notes.create(Note.of(owner, "inner", "committed")));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(storedText("inner")).isEqualTo("committed");
        assertThat(notes.find(Note.key(owner, "outer"))).isEmpty();
    }

    @Test
    void aParticipatingTransactionThatFailsMarksTheWholeTransactionRollbackOnly() {
        assertThatThrownBy(() -> transaction().executeWithoutResult(outer -> {
            notes.create(Note.of(owner, "n1", "doomed"));
            try {
                transaction().executeWithoutResult(participant -> {
                    throw new IllegalStateException("participant fails");
                });
            }
            catch (IllegalStateException swallowed) {
                // The outer transaction carries on, but may no longer commit.
            }
        })).isInstanceOf(org.springframework.transaction.UnexpectedRollbackException.class);

        assertThat(notes.find(Note.key(owner, "n1"))).isEmpty();
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    /** What the table holds, read in a transaction of its own (which suspends the caller's unit of work). */
    private String storedText(String id) {
        TransactionTemplate separate = transaction();
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return separate.execute(status -> notes.find(Note.key(owner, id)).map(Note::getText).orElse(null));
    }
}
