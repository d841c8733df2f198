/** SQLite persistence: connection setup, migrations, repositories. */
package dev.interviewtutor.store;
