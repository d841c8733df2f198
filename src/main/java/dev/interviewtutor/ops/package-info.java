/**
 * Operating the tutor: the {@link dev.interviewtutor.ops.TutorMetrics} port that the rest of the
 * program reports events to (no-op by default), its Micrometer implementation, readiness checks,
 * and the optional HTTP endpoint ({@code TUTOR_HTTP_PORT}: {@code /health/live}, {@code
 * /health/ready}, {@code /health}, {@code /metrics} in Prometheus format) on the JDK's {@code
 * com.sun.net.httpserver}. Depends on no other package of the tutor, so every package may report to
 * it.
 */
package dev.interviewtutor.ops;
