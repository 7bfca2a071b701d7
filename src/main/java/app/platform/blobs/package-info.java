/**
 * Storage for large binary objects that do not fit in a DynamoDB item (400 KB): a job's input, the archive it
 * produces. A {@link app.platform.blobs.BlobStore} on the local file system, or Amazon S3 by configuration
 * ({@code app.blobs.store}).
 */
package app.platform.blobs;
