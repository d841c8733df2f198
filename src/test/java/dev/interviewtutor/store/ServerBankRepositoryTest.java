package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.store.ServerBankRepository.StoredBank;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Servers' own banks and shipped-bank switches, the same calls and answers on SQLite and on
 * PostgreSQL.
 */
class ServerBankRepositoryTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void banks_are_saved_replaced_listed_per_server_and_removed(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      Scope one = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "111", "One"));
      Scope two = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "222", "Two"));
      String text = "# 1. Ünïcode ✓ and 'quotes'?\n\n### Explanation\nYes.\n";
      db.writeVoid(
          c ->
              ServerBankRepository.save(
                  c, new StoredBank(one.id(), "zeta", text, 1, "discord:1", 10)));
      db.writeVoid(
          c ->
              ServerBankRepository.save(
                  c, new StoredBank(one.id(), "alpha", "old", 3, "discord:1", 11)));
      db.writeVoid(
          c ->
              ServerBankRepository.save(
                  c, new StoredBank(one.id(), "alpha", "new", 4, "discord:2", 12)));

      List<StoredBank> banks = db.read(c -> ServerBankRepository.banks(c, one.id()));
      assertEquals(
          List.of(
              new StoredBank(one.id(), "alpha", "new", 4, "discord:2", 12),
              new StoredBank(one.id(), "zeta", text, 1, "discord:1", 10)),
          banks,
          "by name; the second alpha replaced");
      assertTrue(db.read(c -> ServerBankRepository.banks(c, two.id())).isEmpty(), "per server");

      boolean removed = db.write(c -> ServerBankRepository.remove(c, one.id(), "alpha"));
      boolean again = db.write(c -> ServerBankRepository.remove(c, one.id(), "alpha"));
      assertTrue(removed);
      assertFalse(again);
      assertEquals(
          List.of("zeta"),
          db.read(c -> ServerBankRepository.banks(c, one.id())).stream()
              .map(StoredBank::name)
              .toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void shipped_banks_are_switched_off_and_on_per_server(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      Scope one = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "111", "One"));
      Scope two = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "222", "Two"));
      db.writeVoid(c -> ServerBankRepository.setShipped(c, one.id(), "java", false));
      db.writeVoid(c -> ServerBankRepository.setShipped(c, one.id(), "java", false));
      db.writeVoid(c -> ServerBankRepository.setShipped(c, one.id(), "react", false));
      assertEquals(
          Set.of("java", "react"), db.read(c -> ServerBankRepository.shippedOff(c, one.id())));
      assertTrue(db.read(c -> ServerBankRepository.shippedOff(c, two.id())).isEmpty());

      db.writeVoid(c -> ServerBankRepository.setShipped(c, one.id(), "java", true));
      assertEquals(Set.of("react"), db.read(c -> ServerBankRepository.shippedOff(c, one.id())));
    }
  }
}
