package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.Rubric;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hard cases from the project's own bank: answers a user would expect to be graded one way, graded
 * that way.
 */
class BankHardCasesTest {
  private static final OfflineGrader GRADER = OfflineGrader.withDefaultModel();

  private static final String RUN_ON_HIGH_TRAFFIC =
      "You run a bunch of identical boxes behind nginx and spread the "
          + "requests across them, keep the app stateless so any box can serve anyone, cache hot data in Redis, and push "
          + "slow jobs onto a queue so requests return quickly.";

  private static Set<String> covered(Grade g) {
    return g.covered().stream()
        .map(k -> k.keyPoint().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private static boolean coveredMentioning(Grade g, String words) {
    return covered(g).stream().anyMatch(k -> k.contains(words));
  }

  @ParameterizedTest
  @ValueSource(strings = {"project", "seed"})
  void should_credit_every_point_a_long_run_on_sentence_makes(String bank) {
    Rubric q80 = BankRubricFixtures.bank(bank).get("80");
    Grade g = GRADER.grade(q80, RUN_ON_HIGH_TRAFFIC);
    assertTrue(
        coveredMentioning(g, "load balancer"),
        "nginx in front of the boxes is a load balancer: " + covered(g));
    assertTrue(coveredMentioning(g, "queue"), "slow jobs onto a queue: " + covered(g));
    assertTrue(
        coveredMentioning(g, "horizontal scaling"),
        "identical boxes is horizontal scaling: " + covered(g));
    assertTrue(coveredMentioning(g, "cach"), "Redis cache: " + covered(g));
    assertEquals(Verdict.CORRECT, g.verdict(), "score " + g.score());
    assertTrue(g.misconceptions().isEmpty(), g.misconceptions().toString());
    String bigServer = "A bigger single server is enough for any traffic, so just buy more CPU.";
    Grade wrong = GRADER.grade(q80, bigServer);
    assertTrue(
        g.score() > wrong.score() && wrong.verdict() != Verdict.CORRECT,
        g.score() + " vs " + wrong.score());
    // the hand-set evidence separates them widely; the shipped calibration (fitted on Mohler +
    // SciEntsBank) pulls
    // both towards the middle, so the 30-point margin is checked before it
    OfflineGrader hand = new OfflineGrader(GRADER.encoder(), ScoreCalibration.NONE);
    assertTrue(
        hand.grade(q80, RUN_ON_HIGH_TRAFFIC).score() > hand.grade(q80, bigServer).score() + 30);
  }

  @Test
  void should_count_a_named_load_balancer_only_for_the_point_about_it() {
    Rubric q80 = BankRubricFixtures.bank("seed").get("80");
    Grade g =
        GRADER.grade(
            q80, "Put HAProxy in front of the Node processes so traffic is shared between them.");
    assertTrue(coveredMentioning(g, "load balancer"), covered(g).toString());
    assertFalse(coveredMentioning(g, "queue"), "a load balancer is not a queue: " + covered(g));
    assertFalse(coveredMentioning(g, "caching"), "a load balancer is not a cache: " + covered(g));
  }

  @ParameterizedTest
  @ValueSource(strings = {"project", "seed"})
  void should_not_credit_a_concept_the_answer_rejects(String bank) {
    Rubric q80 = BankRubricFixtures.bank(bank).get("80");
    Grade g =
        GRADER.grade(
            q80,
            "You never need nginx or any other proxy in front of Node; one big server handles it.");
    assertFalse(
        coveredMentioning(g, "load balancer"), "rejecting nginx is not stating it: " + covered(g));
  }

  @Test
  void should_flag_calling_global_gc_to_fix_a_leak_as_a_common_mistake() {
    Rubric q77 = BankRubricFixtures.bank("project").get("77");
    Grade g =
        GRADER.grade(
            q77,
            "To fix a memory leak you should just call global.gc() manually every few seconds, "
                + "that frees everything.");
    assertFalse(g.misconceptions().isEmpty(), "misconception expected, score " + g.score());
    assertTrue(
        g.misconceptions().get(0).misconception().contains("global.gc()"),
        g.misconceptions().toString());
    assertFalse(g.misconceptions().get(0).reason().isBlank(), "the bank says why it is wrong");
    assertEquals(Verdict.INCORRECT, g.verdict());
    assertTrue(g.feedback().contains("common mistake"), g.feedback());
    assertFalse(
        g.feedback().contains(".."), "long quotes end in a clean ellipsis: " + g.feedback());
  }

  @Test
  void should_not_flag_a_correct_generational_gc_answer() {
    Rubric q77 = BankRubricFixtures.bank("project").get("77");
    Grade right =
        GRADER.grade(
            q77,
            "V8 uses a generational garbage collector: new objects go to the young "
                + "generation, which minor GCs (scavenges) collect often, and objects that survive are promoted to the old "
                + "generation, collected less often by mark-sweep-compact. Memory is reclaimed automatically once objects are "
                + "unreachable; you cannot free it by hand, only drop references. global.gc() exists only with --expose-gc.");
    assertTrue(right.misconceptions().isEmpty(), right.misconceptions().toString());
    assertEquals(Verdict.CORRECT, right.verdict(), "score " + right.score());
    Grade wrong = GRADER.grade(q77, "Call global.gc() every few seconds and the leak is gone.");
    assertTrue(right.score() > wrong.score(), right.score() + " vs " + wrong.score());
    assertFalse(wrong.misconceptions().isEmpty(), "paraphrased mistake: " + wrong.score());
  }

  /**
   * Correct answers to shipped questions, written for this test, that were once told they stated
   * mistakes: a "Pitfalls" list read as wrong beliefs (1711), table cells "possible"/"prevented"
   * read without their sign and "Non-repeatable read" taken for "Repeatable Read" (1602), and a
   * sentence that denies a mistake in one clause read as stating it in the next (1101).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "1711|A primary takes the writes and replicas copy its log and serve reads. The catch is"
            + " replication lag: reads from a replica can be stale, so route a user's reads to the"
            + " primary for a short time after they write. Writes do not scale because every"
            + " replica applies every write.",
        "1602|Read uncommitted allows dirty reads. Read committed prevents dirty reads but not"
            + " non-repeatable reads. Repeatable read prevents non-repeatable reads but phantoms"
            + " can still happen in the standard. Serializable prevents all of them, at the cost of"
            + " more blocking or aborts.",
        "1101|A closure doesn't copy the variables, it keeps a reference to them, so if the outer"
            + " variable changes later the closure sees the new value.",
        "1310|It skips re-rendering a component when its props are shallowly equal to last time. It"
            + " only helps if the props are stable, so pair it with useCallback and useMemo for"
            + " functions and objects.",
        "1607|WHERE filters rows before grouping and can't use aggregates; HAVING filters the"
            + " groups after GROUP BY and can use aggregates like COUNT.",
        "1702|Vertical scaling means a bigger machine, simple but limited and a single point of"
            + " failure. Horizontal scaling adds more machines behind a load balancer, which needs"
            + " stateless services but has no hard ceiling.",
        "1508|An abstract class can have state, constructors and implemented methods, and a class"
            + " can extend only one. An interface defines a contract, can have default methods but"
            + " no instance state, and a class can implement many.",
        "1402|A list is mutable and a tuple is immutable, so a tuple can be hashed and used as a"
            + " dict key while a list cannot.",
        "1502|New objects are allocated in the young generation, which is collected often by fast"
            + " minor GCs; objects that survive several collections are promoted to the old"
            + " generation, which is collected less often by slower major GCs.",
        "1206|A string literal union is just types, erased at runtime, with no generated code. Enums"
            + " generate a runtime object, and numeric enums accept any number, so unions are usually"
            + " preferred.",
        "1811|Flow control protects the receiver: the receive window stops the sender from sending"
            + " more than the receiver can buffer. Congestion control protects the network: the"
            + " congestion window shrinks when packets are lost, using slow start and congestion"
            + " avoidance.",
        "1201|Interfaces can be reopened and merged by declaring them again and are extended with"
            + " extends; type aliases can't be merged but can express unions, tuples and mapped"
            + " types. For object shapes either works.",
        "1815|A forward proxy sits in front of clients and sends their requests out to the"
            + " internet for them, so the website only sees the proxy. A reverse proxy sits in"
            + " front of your servers and takes incoming requests for them, doing things like load"
            + " balancing and TLS termination.",
        "75|A leak is when objects you don't need anymore are still referenced so the GC can"
            + " never free them. Typical causes are stuff piling up in globals or unbounded"
            + " module-level caches, event listeners added and never removed, closures holding"
            + " big objects, and intervals that are never cleared. Caches need a max size or a"
            + " TTL.",
        "1302|Keys give each list item a stable identity so React can tell which one moved,"
            + " got added or removed. They need to be unique among siblings and stable, like a"
            + " database id. Don't use the array index as a key if the list can be reordered,"
            + " filtered or prepended, because the indexes shift and state ends up on the wrong"
            + " row; it's only ok for a static list.",
        "1919|Hashing is one-way: same input gives the same fixed-size digest and you can't"
            + " get the input back, so it's for integrity and passwords with something like"
            + " Argon2id. Encryption is reversible with a key. Symmetric uses one shared key for"
            + " both directions and is fast, like AES-GCM. Asymmetric uses a public/private key"
            + " pair and is slow, so TLS uses it to agree on a key and then switches to"
            + " symmetric. Signatures are made with the private key and verified with the public"
            + " key.",
        "1110|A shallow copy, like spread or Object.assign, makes a new top-level object but"
            + " the nested objects are still shared with the original, so editing a nested field"
            + " shows up in both. A deep copy duplicates every level so they're independent;"
            + " structuredClone does that and handles Dates, Maps and cycles. Don't use"
            + " JSON.parse(JSON.stringify()) as a deep copy, it drops functions and undefined"
            + " and breaks Dates.",
        "1409|Plain assignment doesn't copy anything, it just makes a second name for the same"
            + " object. A shallow copy, like copy.copy, slicing or list(), builds a new outer"
            + " list but the nested objects are still shared, so changing an inner list shows up"
            + " in both. copy.deepcopy recursively copies the inner objects too so the copy is"
            + " completely independent.",
        "73|I'd use a worker when some computation keeps the CPU busy long enough to block"
            + " the event loop, like resizing images, generating PDFs, encryption or ML"
            + " inference. I wouldn't use them for database queries or HTTP calls, since async"
            + " I/O already keeps the loop free. And don't spin up a new worker per request, use"
            + " a pool.",
        "1918|Input validation happens when data comes in: you check type, length, range,"
            + " format against an allow-list and reject what doesn't fit. Output encoding"
            + " happens when you put data into a specific context like HTML, an attribute, JS or"
            + " a URL, so it's rendered as text and never run as code. Validation alone doesn't"
            + " stop XSS, because something valid like O'Brien or a comment with a < still has"
            + " to be encoded on output; encoding is the main defence.",
        "1217|const is plain JavaScript and stops you reassigning the variable at runtime, but"
            + " the object it holds is still mutable. readonly is a TypeScript modifier on"
            + " properties or array types and is only checked at compile time, it's erased"
            + " afterwards. as const narrows to literal types and makes everything deeply"
            + " readonly, also compile time only. If you want runtime protection you need"
            + " Object.freeze, which is shallow.",
        "1518|Optional should only be a return type. Don't use Optional for fields or"
            + " parameters, don't call get() without checking, and don't return null where"
            + " Optional is declared.",
        "1518|Optional is meant as a return type for \"there might be no result\". Common"
            + " misuses: calling get() without checking, which throws NoSuchElementException, so"
            + " use orElse, orElseThrow or map instead; using Optional for fields or method"
            + " parameters; wrapping a list in Optional instead of returning an empty list; and"
            + " never return null from a method that returns Optional. Also orElse evaluates its"
            + " argument eagerly, orElseGet only when empty.",
        "1812|Long polling is the client making a normal request that the server holds until"
            + " it has something, then the client immediately asks again. SSE keeps one HTTP"
            + " response open and streams events server-to-client only, and it reconnects"
            + " automatically. WebSockets upgrade the connection with a 101 and then both sides"
            + " can send whenever they like, full duplex, so that's what I'd use for chat, SSE"
            + " for notifications.",
        "1418|An iterable is anything you can loop over: it has __iter__ and gives you a fresh"
            + " iterator each time, like a list. An iterator has __next__, hands out items one"
            + " by one and raises StopIteration when done, and once it's exhausted you can't"
            + " reuse it. A for loop calls iter() on the iterable and then next() until"
            + " StopIteration.",
        "1213|An annotation like const x: User = value makes the compiler check that the value"
            + " actually fits. An as assertion just tells the compiler to trust you, it only"
            + " complains if the types don't overlap at all, and it disappears at runtime, so"
            + " don't do JSON.parse(body) as User, validate instead. The ! non-null assertion"
            + " just strips null and undefined on trust; if it's null at runtime you still"
            + " crash.",
        "1813|IPv4 addresses are 32 bits and IPv6 ones are 128 bits, which was needed because"
            + " we ran out of IPv4 addresses; that's also why NAT is everywhere. IPv6 drops"
            + " broadcast in favour of multicast. The two aren't compatible with each other, so"
            + " networks run dual stack or use translation.",
        "1809|NAT lets lots of devices with private IPs share one public IP; the router"
            + " rewrites addresses and keeps a table keyed by port so replies get back to the"
            + " right machine. It exists mostly because we ran out of IPv4 addresses. Incoming"
            + " connections need port forwarding or hole punching, and you shouldn't treat NAT"
            + " as your firewall.",
        "1604|With a composite index on (a, b) the database can only seek using a leftmost"
            + " prefix, so a query on a, or a and b, uses it, but a query on only b basically"
            + " can't. You put equality columns first and the range column last. If the index"
            + " also contains every column the query needs, it's covering and the table doesn't"
            + " need to be touched.",
        "1601|Atomicity is all or nothing, consistency means the constraints still hold after"
            + " each transaction, isolation means concurrent transactions don't see each other's"
            + " uncommitted changes, and durability means once it's committed it survives a"
            + " crash, typically thanks to the write-ahead log.",
        // session 8, probe round 4: a belief reported as false, a warning, one against several,
        // things in the other order, "instead of" setting aside only its object
        "1020|You listen for SIGTERM, and SIGINT too, then stop taking new connections with "
            + "server.close(), which lets in-flight requests finish. Once they're done you "
            + "close your database pools and other resources and then exit. I'd also set a "
            + "timeout that force-exits if something hangs, and flip the readiness check to "
            + "failing so the load balancer stops sending traffic. What you don't want is to "
            + "just call process.exit() right away, because that drops requests mid-flight.",
        "1108|JavaScript runs on one thread with a call stack; async stuff like timers, "
            + "network, and DOM events is handled by the browser, and their callbacks get "
            + "queued as tasks. Whenever the stack is empty, the loop takes one task, runs it, "
            + "then drains the entire microtask queue, which is promise callbacks and "
            + "queueMicrotask, and then the browser may render before the next task. That's why "
            + "a Promise.then callback always runs before a setTimeout(fn, 0), even if the "
            + "timeout was scheduled first.",
        "1301|When state changes, React calls your components to get a new element tree and "
            + "compares it with the previous one, then applies only the minimal set of changes "
            + "to the real DOM. The diff uses heuristics: if the element type at a position "
            + "changes, say a div becomes a span, it throws away that subtree and rebuilds it, "
            + "and for lists it matches children by key. So it's not really that the virtual "
            + "DOM is magically fast, it's that it lets you write declarative code while React "
            + "figures out the updates.",
        "1309|A component re-renders when its own state changes, when its parent re-renders, "
            + "or when a context it consumes changes. A big misconception is that changing "
            + "props is what triggers it; actually the child re-renders whenever the parent "
            + "does, even if the props are identical, unless it's wrapped in React.memo. Also "
            + "setting state to the exact same value, by Object.is, lets React bail out.",
        "1508|The big practical difference is that a class can implement as many interfaces as "
            + "it likes, but it can only extend one class, abstract or not. An abstract class "
            + "can have constructors, instance fields and shared state, whereas an interface "
            + "has no instance state at all, only constants, abstract methods and, since Java 8 "
            + "and 9, default, static and private methods. So I use an interface for a "
            + "capability that unrelated classes can share, like Comparable, and only reach for "
            + "an abstract class when closely related subclasses genuinely share code and "
            + "state.",
        "1615|I choose based on the access patterns and consistency needs, not on hype. If the "
            + "data is highly relational and I need joins, constraints, multi-row ACID "
            + "transactions and ad-hoc queries, a relational database like Postgres is the "
            + "default. NoSQL stores, whether document, key-value, wide-column or graph, trade "
            + "some of that for flexible schemas, data modelled around known queries and easier "
            + "horizontal scaling, so they shine for things like huge write volumes or simple "
            + "key lookups at scale. It's not true that SQL can't scale or that NoSQL never has "
            + "transactions; MongoDB has had multi-document transactions since 4.0.",
        "1804|The client sends a ClientHello with its supported cipher suites, a key share and "
            + "the server name via SNI, and the server replies with the chosen suite and its "
            + "own key share, so both can derive keys with an ephemeral ECDHE exchange. The "
            + "server then sends its certificate and a signature proving it holds the private "
            + "key, and the client validates the chain against trusted CAs and checks the "
            + "hostname before both sides send Finished. In TLS 1.3 that's a single round trip, "
            + "versus two in 1.2. The asymmetric crypto is only for the handshake; the actual "
            + "data is encrypted with symmetric session keys, like AES-GCM.",
        "1920|IDOR is when the app takes an identifier straight from the request, like "
            + "/invoices/1043, and loads that object without checking the current user is "
            + "allowed to see it, so just changing the number gets you someone else's invoice. "
            + "It's a form of broken access control. The fix is a server-side authorisation "
            + "check on every object access, ideally by scoping the query itself to the owner "
            + "or tenant. Switching to UUIDs doesn't fix it; they only make guessing harder, "
            + "and the permission check is still required.",
        // ... an appositive ("Transform, a duplex where ..."), a run that names the sibling it
        // describes, a run that denies where the sibling's claim does not, a belief's "each ...
        // again" unsaid, and a point that puts the thing "elsewhere"
        "1007|There are four kinds: Readable, which you consume data from, like "
            + "fs.createReadStream; Writable, which you write to, like an HTTP response; "
            + "Duplex, which is both readable and writable independently, like a TCP socket; "
            + "and Transform, a duplex where the output is computed from the input, like "
            + "zlib.createGzip. In practice I connect them with stream.pipeline rather than "
            + "chained .pipe() calls, because pipeline forwards errors and cleans up every "
            + "stream.",
        "1114|ES modules use import and export, and each file gets its own scope, so nothing "
            + "leaks into the global object. Imports are static and resolved before any code "
            + "runs, which is what allows tree shaking, and they're live bindings, not copies, "
            + "so if the exporting module updates the value you see the new one. A module is "
            + "evaluated only once, no matter how many files import it, and if you need to load "
            + "something on demand you use dynamic import(), which returns a promise.",
        "1206|A regular enum isn't just a type, it generates a real JavaScript object at "
            + "runtime, whereas a union like 'red' | 'green' is erased entirely and costs "
            + "nothing. Numeric enums are also looser than you'd expect, and enums don't play "
            + "nicely with erasable-syntax setups like Node's type stripping. These days I "
            + "usually prefer a union of string literals, or an as const object if I also need "
            + "the values at runtime.",
        "1209|A .d.ts file contains only type information, declarations with no "
            + "implementation, and it never emits any JavaScript. It describes the shape of "
            + "code that exists somewhere else, typically a JS library, which is what the "
            + "@types packages on DefinitelyTyped are, or the output of your own library when "
            + "you compile with declaration: true. You also use them for global augmentations "
            + "or declare module for untyped packages.",
        "1602|There are four standard levels. Read Uncommitted allows dirty reads, meaning you "
            + "can see another transaction's uncommitted changes. Read Committed stops dirty "
            + "reads but still allows non-repeatable reads, where the same row read twice gives "
            + "different values because someone committed in between. Repeatable Read prevents "
            + "that too but, per the standard, still allows phantoms, where re-running a query "
            + "returns new or missing rows, and Serializable prevents all three, as if "
            + "transactions ran one after another. Worth knowing that Postgres defaults to Read "
            + "Committed while MySQL InnoDB defaults to Repeatable Read.",
        "1607|WHERE filters individual rows before any grouping happens, whereas HAVING "
            + "filters the groups after GROUP BY. That's why you can't write WHERE COUNT(*) > "
            + "5: aggregates don't exist yet at that stage, so that condition has to go in "
            + "HAVING. For example, SELECT customer_id, COUNT(*) FROM orders WHERE status = "
            + "'paid' GROUP BY customer_id HAVING COUNT(*) >= 5. And as a rule, anything that "
            + "doesn't need an aggregate should go in WHERE, so fewer rows reach the grouping "
            + "step.",
        // round 5: ".then" is no sentence end, a negated condition ("Without X, ..."), a run that
        // denies what the bank says of another sibling, a sibling claim that names the run's own
        // subject, a relative clause after a name without its own article
        "1002|Microtasks are things like resolved promise callbacks and queueMicrotask, "
            + "whereas macrotasks are the bigger units like timers, I/O callbacks and "
            + "setImmediate. The key difference is that the microtask queue is drained "
            + "completely after each macrotask, before the event loop moves on, so a promise "
            + ".then always runs before the next setTimeout callback even if the timer is "
            + "already due. In Node, process.nextTick is its own queue that runs even before "
            + "promise microtasks. The pitfall is that if you keep queuing microtasks "
            + "recursively, you can starve the event loop and I/O never gets a chance.",
        "1208|Without strictNullChecks, null and undefined are assignable to every type, so a "
            + "string could secretly be null and the compiler won't warn you. When you turn it "
            + "on, they become their own types, so if something can be missing you have to "
            + "write string | null or string | undefined, and the compiler forces you to check "
            + "for it before using it, with an if, optional chaining, or the non-null assertion "
            + "operator. It catches a whole class of 'cannot read property of undefined' bugs "
            + "at compile time.",
        "1410|Because of the GIL in CPython, threads don't run Python bytecode in parallel, so "
            + "threading helps for I/O-bound work but not for CPU-bound work. multiprocessing "
            + "sidesteps that by using separate processes, each with its own interpreter and "
            + "GIL, so you get real parallelism for CPU-heavy tasks, at the cost of more memory "
            + "and having to pickle data between processes. asyncio is single-threaded "
            + "cooperative concurrency with an event loop, great for tons of concurrent network "
            + "connections, but only if you use async libraries, since one blocking call stalls "
            + "everything.",
        "1504|Strings in Java are immutable, so once created their contents never change, and "
            + "any method like toUpperCase or concat returns a new String. That lets the JVM "
            + "safely share them: string literals go into the string pool, so two identical "
            + "literals refer to the same object, which saves memory. Immutability also makes "
            + "strings thread-safe without synchronization, lets them cache their hashCode, "
            + "which is great for HashMap keys, and is a security thing, because a filename or "
            + "class name can't be changed after it's checked. Pitfall: don't compare strings "
            + "with ==, because new String(\"a\") isn't the pooled object, use equals.",
        "1902|CSRF is when a malicious site makes the victim's browser send a request to a "
            + "site they're logged into, like a form POST to transfer money, and the browser "
            + "automatically attaches the session cookie, so the server thinks it's a legit "
            + "request. SameSite is a cookie attribute that controls whether the cookie is sent "
            + "on cross-site requests: Strict never sends it cross-site, and Lax only sends it "
            + "on top-level GET navigations, so a cross-site POST won't carry the cookie. "
            + "Chrome now treats cookies without the attribute as Lax, which blocks most CSRF, "
            + "but it's not a complete fix, so you'd still use CSRF tokens and never make "
            + "state-changing GET endpoints.",
        "1907|OAuth 2.0 is an authorization framework, it's about granting an app delegated "
            + "access to resources, like letting a printing service read my Google Photos, and "
            + "the access token it issues isn't meant to tell the client who the user is. "
            + "OpenID Connect is an identity layer built on top of OAuth 2.0 that adds "
            + "authentication: you request the openid scope and get back an ID token, a signed "
            + "JWT with claims like sub and email, plus a userinfo endpoint. So if you want "
            + "'log in with Google', that's OIDC, and using a plain OAuth access token as proof "
            + "of login is a known anti-pattern.",
        // a negation that runs over the list after it ("can't do new T(), instanceof ..., or ...")
        "1515|Java generics are a compile-time thing: the compiler checks the types and then "
            + "erases them, replacing type parameters with their bound, usually Object, and "
            + "inserting casts where needed. So at runtime a List<String> and a List<Integer> "
            + "are the same class, which is why you can't do new T(), instanceof List<String>, "
            + "or overload methods that differ only by generic parameter. It was done that way "
            + "for backward compatibility with pre-generics code.",
        // round 7: "The point isn't that ...", "people think ... but", a single-quoted phrase, a
        // point that moves a thing "into its own rows", "re-run" as a word of its own
        "1114|Modern JS uses ES modules: each file has its own scope and you share things only "
            + "through export and import, with named exports imported in braces and a default "
            + "export under any name you like. A module is evaluated only once, the first time "
            + "it's imported, and every importer gets the same instance, so it's not re-run per "
            + "import, and modules are always strict mode. You can also do dynamic import(), "
            + "which returns a promise, for lazy loading and code splitting.",
        "1301|When state changes React renders a new element tree, the so-called virtual DOM, "
            + "and diffs it against the previous one, then applies only the minimal DOM "
            + "changes. The diff is heuristic: if element type changes it throws away the "
            + "subtree, and in lists it uses keys to match children, which is why using the "
            + "index as key can mess up state when you reorder. The point isn't that virtual "
            + "DOM is magically faster than the DOM, it's that you get declarative code with "
            + "reasonable updates.",
        "1518|Optional was meant as a return type for 'there might be no result', but people "
            + "misuse it as fields, method parameters, or wrap lists in it instead of returning "
            + "an empty list. Another one is calling get() without checking, which just throws "
            + "NoSuchElementException instead of an NPE, or writing if (opt.isPresent()) "
            + "opt.get() instead of map, orElse or ifPresent. And never return null from a "
            + "method that returns Optional, that defeats the whole point.",
        "1608|1NF means atomic values, no repeating groups or lists in a column. 2NF is 1NF "
            + "plus every non-key column depends on the whole primary key, not part of a "
            + "composite key. 3NF adds no transitive dependencies, so non-key columns depend "
            + "only on the key, not on other non-key columns, like not storing city name next "
            + "to zip code if zip determines it. The classic summary is: the key, the whole "
            + "key, and nothing but the key.",
        "1908|The biggest myth is that CORS protects your server; it doesn't, it's the browser "
            + "relaxing the same-origin policy, and curl or a server can call your API "
            + "regardless. Another is that it stops CSRF, but simple requests like a form POST "
            + "still get sent, the browser just blocks the script from reading the response. "
            + "And people think Access-Control-Allow-Origin: * with credentials works, but "
            + "browsers reject that combination, and reflecting any Origin with credentials is "
            + "a real vulnerability."
      })
  void should_not_accuse_a_correct_answer_to_a_shipped_question(String id, String answer) {
    Grade g = GRADER.grade(BankRubricFixtures.bank("project").get(id), answer);
    assertTrue(g.misconceptions().isEmpty(), id + ": " + g.misconceptions());
    assertTrue(g.score() >= 50, id + ": score " + g.score());
  }

  /** The same shipped questions with two names exchanged, or one put in place of another. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "1607|HAVING filters rows before grouping and can't use aggregates; WHERE filters the"
            + " groups after GROUP BY and can use aggregates like COUNT.",
        "1702|Horizontal scaling means a bigger machine, simple but limited and a single point of"
            + " failure. Vertical scaling adds more machines behind a load balancer.",
        "1820|Safe methods such as PUT do not change server state."
      })
  void should_name_the_swap_in_a_wrong_answer_to_a_shipped_question(String id, String answer) {
    Grade g = GRADER.grade(BankRubricFixtures.bank("project").get(id), answer);
    assertTrue(
        g.misconceptions().stream().anyMatch(m -> m.misconceptionId().startsWith("swap-")),
        id + ": " + g.misconceptions());
    assertTrue(g.score() <= 30, id + ": score " + g.score());
  }

  @Test
  void should_name_a_mistake_given_with_its_reason_after_since() {
    // two wrong beliefs joined by ", and since": each is read as a clause of its own
    Grade g =
        GRADER.grade(
            BankRubricFixtures.bank("project").get("1609"),
            "You denormalise to make writes faster, and since the data is just copied it stays"
                + " consistent automatically.");
    assertFalse(g.misconceptions().isEmpty(), g.feedback());
    assertTrue(g.score() <= 30, "score " + g.score());
  }
}
