package app.platform.web;

/** A request body over the limit: {@code 413} with {@code urn:problem-type:payload-too-large}. */
public class PayloadTooLarge extends RuntimeException {

    PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
