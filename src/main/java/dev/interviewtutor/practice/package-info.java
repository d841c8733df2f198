/** The tutor itself: interviews, question picking, spaced repetition, daily quiz, points, streaks, leaderboards. */
package dev.interviewtutor.practice;
