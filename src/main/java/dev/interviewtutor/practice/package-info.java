/**
 * The tutor itself: interviews, question picking, spaced repetition (SM-2), daily quiz, points,
 * streaks, leaderboards and stats. Front-ends call {@link
 * dev.interviewtutor.practice.PracticeService} (and its {@link
 * dev.interviewtutor.practice.DailyQuiz}); nothing here knows Discord or terminals. See
 * docs/practice-api.md.
 */
package dev.interviewtutor.practice;
