package dev.interviewtutor.discord.fake;

/**
 * A file the client uploaded in a multipart request (an attachment).
 *
 * @param method HTTP method of the request
 * @param path path below {@code /api/v10/}
 * @param fileName the part's file name
 * @param contentType the part's content type, empty when absent
 * @param bytes the file's bytes exactly as sent
 */
public record RecordedFile(
    String method, String path, String fileName, String contentType, byte[] bytes) {}
