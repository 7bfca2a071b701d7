package app.studio;

/** What the generators know of the user: from the profile the users module publishes. */
record Personalization(String displayName, String industry, String tone, String language) {

    static Personalization of(StudioProfile profile) {
        return new Personalization(profile.getDisplayName(), profile.getIndustry(), profile.getTone(),
                profile.getLanguage());
    }

    String toneOr(String fallback) {
        return tone == null || tone.isBlank() ? fallback : tone;
    }

    String industryOr(String fallback) {
        return industry == null || industry.isBlank() ? fallback : industry;
    }
}
