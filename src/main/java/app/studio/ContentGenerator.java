package app.studio;

/** Writes content for a brief, chunk by chunk. Adapters: the built-in local generator, Spring AI. */
interface ContentGenerator {

    /** Told after each chunk: how many are written of how many planned. */
    interface Progress {
        void chunkWritten(int written, int planned);
    }

    GeneratedContent generate(ContentType type, ContentBrief brief, Personalization personalization,
            Progress progress);
}
