package dev.interviewtutor.discord;

import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;

/** Maps Discord users and places to the practice engine's people and scopes. */
final class People {
  private People() {}

  static Person person(PracticeService practice, User user) {
    return practice.person(Person.discordKey(user.getIdLong()), user.getEffectiveName());
  }

  /**
   * Where the questions come from: the server (its own banks and switches), or null outside a
   * server or for a server the tutor has stored nothing for (both see the shipped banks).
   */
  static Scope place(PracticeService practice, Guild guild) {
    // Read only, never a write: a server without a scope row has no banks of its own yet, so it
    // sees the shipped
    // banks, and autocomplete and buttons can use this before they answer.
    return guild == null ? null : practice.findScope(ScopeKind.GUILD, guild.getId()).orElse(null);
  }

  /** The server when there is one, otherwise the person's DM scope. */
  static Scope scope(PracticeService practice, Guild guild, User user) {
    if (guild != null) {
      return practice.scope(ScopeKind.GUILD, guild.getId(), guild.getName());
    }
    return practice.scope(ScopeKind.DM, user.getId(), "DM with " + user.getEffectiveName());
  }
}
