package app.studio;

/** The model answered, but not with content the studio can keep; the message says why. */
class UnusableModelAnswer extends RuntimeException {

    UnusableModelAnswer(String reason) {
        super(reason);
    }
}
