// Allocation failure at the C ABI (docs/reliability.md). Every C
// entry point that allocates is called again and again with its N-th
// allocation failing, N = 1, 2, 3, ... until the call succeeds. At every step
// the call returns YR_ENOMEM with the out-of-memory last error and NULL
// out-parameters; no exception crosses the boundary (the barrier is
// noexcept: one would end the process); nothing allocated during the call is
// left allocated; and afterwards the call gives the same answer as before.
//
// The hook: this program replaces the global operator new and delete, and is
// linked with --wrap=malloc,--wrap=free so that the static library's own
// malloc (the strings it hands out) goes through the hook too. Each step runs
// on a fresh thread, so that the thread's last-error storage is released at
// its end and the balance covers it.
//
//   yr_capi_alloc_failure SOURCE_DIR
//
// Built in the ASan build (scripts/test-sanitizers.sh), so that a failure
// handled wrongly shows as a sanitizer report where it happens. No failure
// is skipped: the library writes its documents without nlohmann::json values
// and releases the DOMs it reads without allocating (docs/reliability.md).
//
// YR_ALLOC_STEPS (default 400) caps the steps per entry point: a call with
// more allocations than that steps through the first half of the cap one by
// one, then through the rest evenly spaced, always ending with its last
// allocation. YR_ALLOC_STEPS=0 steps through every N. Then 50 steps with
// memory that stays exhausted from the N-th allocation on. A call that
// handles a failure itself and still gives the same answer is counted as
// "recovered". To look into one: YR_ALLOC_CASE=text runs only the entry
// points whose name has it; YR_ALLOC_TRACE=N runs step N alone and prints
// the stack of the allocation it fails.
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "yrkesresan/yrkesresan.h"

extern "C" void* __real_malloc(std::size_t size);
extern "C" void __real_free(void* p);
// The sanitizer runtime's, when there is one.
extern "C" void __sanitizer_print_stack_trace() __attribute__((weak));

namespace hook {

// Which allocation fails: 0 none; n: the n-th since begin(); with
// `persistent`, every one from the n-th on.
std::atomic<bool> armed{false}, persistent{false};
std::atomic<long> count{0}, fail_at{0}, refused{0};

// The blocks allocated while armed and not yet freed: open addressing over
// addresses, guarded by a spin lock (nothing here may allocate).
constexpr std::size_t slots = std::size_t{1} << 20;
constexpr std::uintptr_t empty = 0, removed = 1;
std::uintptr_t table[slots];
std::size_t live = 0, filled = 0;
std::atomic_flag lock = ATOMIC_FLAG_INIT;

struct Guard {
    Guard() {
        while (lock.test_and_set(std::memory_order_acquire)) {
        }
    }
    ~Guard() { lock.clear(std::memory_order_release); }
};

std::size_t home(std::uintptr_t p) { return static_cast<std::size_t>((p >> 4) * 0x9E3779B97F4A7C15ull) & (slots - 1); }

void remember(void* p) {
    Guard g;
    if (filled * 2 > slots) {
        std::fputs("alloc_failure: too many live allocations for the hook's table\n", stderr);
        std::abort();
    }
    std::size_t i = home(reinterpret_cast<std::uintptr_t>(p));
    while (table[i] > removed) i = (i + 1) & (slots - 1);
    if (table[i] == empty) ++filled;
    table[i] = reinterpret_cast<std::uintptr_t>(p);
    ++live;
}

void forget(void* p) {
    if (p == nullptr) return;
    Guard g;
    if (live == 0) return;
    for (std::size_t i = home(reinterpret_cast<std::uintptr_t>(p)); table[i] != empty; i = (i + 1) & (slots - 1))
        if (table[i] == reinterpret_cast<std::uintptr_t>(p)) {
            table[i] = removed;
            --live;
            return;
        }
}

void begin(long n, bool keep_failing) {
    {
        Guard g;
        std::memset(table, 0, sizeof table);
        live = filled = 0;
    }
    count = 0;
    refused = 0;
    fail_at = n;
    persistent = keep_failing;
    armed = true;
}

void end() { armed = false; }

std::size_t leaked() {
    Guard g;
    return live;
}

// YR_ALLOC_TRACE=N: where allocation N is refused, as the sanitizer prints it.
long trace_at = 0;

// Whether this allocation is refused; *counted: whether it is tracked.
bool refuse(bool* counted) {
    *counted = armed.load();
    if (!*counted) return false;
    const long n = ++count, f = fail_at.load();
    if (f != 0 && (n == f || (persistent && n > f))) {
        if (++refused == 1 && trace_at != 0 && __sanitizer_print_stack_trace) __sanitizer_print_stack_trace();
        return true;
    }
    return false;
}

void* allocate(std::size_t size, std::size_t align) {
    bool counted = false;
    if (refuse(&counted)) return nullptr;
    void* p = align > alignof(std::max_align_t)
                  ? std::aligned_alloc(align, (std::max<std::size_t>(size, 1) + align - 1) / align * align)
                  : __real_malloc(std::max<std::size_t>(size, 1));
    if (p != nullptr && counted) remember(p);
    return p;
}

void release(void* p) {
    forget(p);
    __real_free(p);
}

}  // namespace hook

// The replaced global allocation functions (the other forms forward to these).
void* operator new(std::size_t size) {
    if (void* p = hook::allocate(size, 0)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, std::align_val_t align) {
    if (void* p = hook::allocate(size, static_cast<std::size_t>(align))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) { return operator new(size, align); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return hook::allocate(size, 0); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return hook::allocate(size, 0); }
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return hook::allocate(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return hook::allocate(size, static_cast<std::size_t>(align));
}
void operator delete(void* p) noexcept { hook::release(p); }
void operator delete[](void* p) noexcept { hook::release(p); }
void operator delete(void* p, std::size_t) noexcept { hook::release(p); }
void operator delete[](void* p, std::size_t) noexcept { hook::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { hook::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { hook::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { hook::release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { hook::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { hook::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { hook::release(p); }

// malloc and free as the static library calls them.
extern "C" void* __wrap_malloc(std::size_t size) { return hook::allocate(size, 0); }
extern "C" void __wrap_free(void* p) { hook::release(p); }

namespace {

int failures = 0;

void fail(const std::string& what) {
    ++failures;
    std::fprintf(stderr, "FAIL: %s\n", what.c_str());
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in) fail("cannot read " + path);
    return s.str();
}

// What a call hands back; the call sets what it produces.
struct Out {
    char* text = nullptr;
    yr_program* program = nullptr;
    yr_signing_key* key = nullptr;
    // The *_r forms: their error document, and that the call is one of them.
    char* error = nullptr;
    bool travelling = false;
};

// An entry point with its arguments, all made before the hook is armed.
struct Case {
    std::string name;
    std::function<int(Out&)> call;
};

// One call, as the step saw it.
struct Outcome {
    int rc = 0, error_code = 0;
    std::string kind, answer;
    bool outputs_null = true;
    long allocations = 0, refused = 0;
    std::size_t leaked = 0;
};

// Reads what a call handed back (after the hook is disarmed) and frees it.
std::string take(Out& out) {
    std::string answer;
    if (out.text) answer += out.text;
    if (out.program) answer += yr_program_definition(out.program);
    if (out.key) answer += yr_signing_key_public_multibase(out.key);
    if (out.error) answer += out.error;
    yr_string_free(out.error);
    yr_string_free(out.text);
    yr_program_free(out.program);
    yr_signing_key_free(out.key);
    out = Out{};
    return answer;
}

struct Step {
    const Case* c;
    long fail_at;
    bool persistent;
    Outcome outcome;
};

void* run_step(void* arg) {
    Step& s = *static_cast<Step*>(arg);
    Out out;
    hook::begin(s.fail_at, s.persistent);
    const int rc = s.c->call(out);
    hook::end();
    Outcome& o = s.outcome;
    o.rc = rc;
    o.allocations = hook::count;
    o.refused = hook::refused;
    const yr_error* e = yr_error_last();
    o.error_code = e->code;
    o.kind = e->kind;
    if (out.travelling) {
        // The error is the document, or none when memory ran out writing it;
        // the thread's last error must be untouched (YR_OK on a fresh thread).
        if (e->code != YR_OK) o.kind = "the last error was set";
        else if (out.error == nullptr && rc == YR_ENOMEM) o.error_code = YR_ENOMEM, o.kind = "out_of_memory";
        else if (out.error != nullptr && std::strstr(out.error, R"("kind":"out_of_memory")") != nullptr)
            o.error_code = YR_ENOMEM, o.kind = "out_of_memory";
        else if (out.error != nullptr) o.error_code = rc, o.kind = "another error";
    }
    o.outputs_null = out.text == nullptr && out.program == nullptr && out.key == nullptr;
    o.answer = take(out);
    return nullptr;
}

// Runs one call on a fresh thread; the balance includes the thread's exit.
Outcome step(const Case& c, long fail_at, bool persistent = false) {
    Step s{&c, fail_at, persistent, {}};
    pthread_t thread;
    if (pthread_create(&thread, nullptr, run_step, &s) != 0 || pthread_join(thread, nullptr) != 0) {
        fail(c.name + ": cannot run a thread");
        return s.outcome;
    }
    s.outcome.leaked = hook::leaked();
    return s.outcome;
}

long steps_cap() {
    const char* v = std::getenv("YR_ALLOC_STEPS");
    return v ? std::strtol(v, nullptr, 10) : 400;
}

// N = 1..total, or a sample of it within the cap (see the top of the file).
std::vector<long> schedule(long total, long cap) {
    std::vector<long> n;
    if (cap <= 0 || total <= cap) {
        for (long i = 1; i <= total; ++i) n.push_back(i);
        return n;
    }
    const long first = cap / 2, rest = cap - first;
    for (long i = 1; i <= first; ++i) n.push_back(i);
    for (long k = 1; k <= rest; ++k) n.push_back(first + (total - first) * k / rest);
    n.erase(std::unique(n.begin(), n.end()), n.end());
    return n;
}

bool is_out_of_memory(const Outcome& o) {
    return o.rc == YR_ENOMEM && o.error_code == YR_ENOMEM && o.kind == "out_of_memory" && o.outputs_null;
}

// Steps one entry point through its allocations; prints its figures. A
// cold entry point is stepped before it ever succeeded (what it builds on
// first use is then built under failure too): N grows until the call
// succeeds, one by one up to half the cap, then by 1% at a time.
void exercise(const Case& c, long cap, bool cold = false) {
    // YR_ALLOC_CASE=text: only the entry points whose name has it.
    if (const char* only = std::getenv("YR_ALLOC_CASE"); only && c.name.find(only) == std::string::npos) return;
    if (hook::trace_at) {  // one step, its stack printed
        const Outcome o = step(c, hook::trace_at);
        std::printf("%s, allocation %ld failing: returned %d (%s), %zu left behind\n", c.name.c_str(), hook::trace_at,
                    o.rc, o.kind.c_str(), o.leaked);
        return;
    }
    Outcome reference;
    long steps = 0, recovered = 0, total = 0;
    auto check = [&](const Outcome& o, long n, const char* mode) {
        const std::string at = c.name + " (" + mode + " allocation " + std::to_string(n) + ")";
        if (o.refused == 0) {
            if (o.rc != reference.rc || o.answer != reference.answer) fail(at + ": another answer with no failure");
        } else if (is_out_of_memory(o)) {
            if (o.leaked != 0) fail(at + ": " + std::to_string(o.leaked) + " allocations left behind");
        } else if (o.rc == reference.rc && o.answer == reference.answer && o.leaked == 0) {
            ++recovered;  // the library handled the failure itself and still gave the right answer
        } else {
            fail(at + ": returned " + std::to_string(o.rc) + " (" + o.kind + "), not YR_ENOMEM with NULL outputs");
        }
    };
    if (cold) {
        reference.rc = YR_ENOMEM;  // no answer known yet: a step must fail with YR_ENOMEM
        // A step that failed after the cache was built leaves the cache: not
        // a leak when the next call needs fewer allocations than it made.
        Outcome built_cache;
        long built_at = 0;
        for (long n = 1;; n += (cap > 0 && n >= cap / 2) ? std::max(1L, n / 100) : 1) {
            Outcome o = step(c, n);
            if (o.refused == 0) {
                reference = o;
                if (built_at && o.allocations >= built_at) check(built_cache, built_at, "failing");
                total = std::max(o.allocations, n - 1);  // the first call's, up to the list being built
                break;
            }
            ++steps;
            if (built_at) check(built_cache, built_at, "failing");
            built_at = 0;
            if (is_out_of_memory(o) && o.leaked) {
                built_cache = o;
                built_at = n;
                continue;
            }
            check(o, n, "failing");
        }
    } else {
        reference = step(c, 0);
        total = reference.allocations;
        for (long n : schedule(total, cap)) {
            check(step(c, n), n, "failing");
            ++steps;
        }
        // The call succeeds once the allocation that fails comes after its last.
        check(step(c, total + 1), total + 1, "failing");
    }
    // Memory that stays exhausted: every allocation from the n-th on fails
    // (the error is then reported from static storage).
    for (long n : schedule(total, 50)) check(step(c, n, true), n, "persistently failing from");
    const Outcome after = step(c, 0);
    if (after.rc != reference.rc || after.answer != reference.answer)
        fail(c.name + ": another answer after the failures");
    std::string notes = steps < total ? " (sampled)" : "";
    if (recovered) notes += ", " + std::to_string(recovered) + " recovered";
    std::printf("%-44s %7ld allocations %6ld steps%s\n", c.name.c_str(), total, steps, notes.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : ".";
    const long cap = steps_cap();
    if (const char* t = std::getenv("YR_ALLOC_TRACE")) hook::trace_at = std::strtol(t, nullptr, 10);

    const std::string kungalv = read_file(source + "/data/overlays/example-kungalv.json");
    const std::string utredning = read_file(source + "/data/overlays/example-kungalv-utredning.json");
    const std::string uppsala = read_file(source + "/data/programs/uppsala-bistand-lss.json");
    const char* overlays[] = {kungalv.c_str(), utredning.c_str()};
    const std::size_t overlay_sizes[] = {kungalv.size(), utredning.size()};
    const std::string english = R"({"language": "en"})";

    // A person who completed the course (the certificate can be issued).
    std::string person = R"({"id": "p-0001", "municipality": "kungalv", "employment_start": "2026-01-12",
      "leaves": [{"from": "2026-03-02", "to": "2026-03-13", "kind": "sick"}],
      "people": {"FA": "p-0002", "introduktor": "p-0002"},
      "plan": {"assignments": {"nycklar": ["FA"]}},
      "events": [)";
    const char* modules[][3] = {{"m1", "2026-05-20", "2026-05-27"}, {"m2", "2026-06-03", "2026-06-10"},
                                {"m3", "2026-06-17", "2026-06-24"}, {"m4", "2026-08-19", ""},
                                {"m5", "2026-09-02", "2026-09-09"}, {"m6", "2026-09-16", ""},
                                {"m7", "2026-09-30", "2026-10-05"}, {"m8", "2026-10-07", ""}};
    for (const auto& m : modules) {
        person += std::string(R"({"type": "module_attended", "module": ")") + m[0] + R"(", "date": ")" + m[1] +
                  R"(", "round": "2026-1"},)";
        if (*m[2]) person += std::string(R"({"type": "homework_submitted", "module": ")") + m[0] +
                             R"(", "date": ")" + m[2] + R"("},)";
    }
    person += R"({"type": "item_done", "item": "nycklar", "date": "2026-01-13"}]})";
    const std::string bad_person = R"({"id": "p-0003", "municipality": "kungalv", "employment_start": "2026-02-30",
      "leaves": [{"from": "2026-05-01", "to": "2026-04-01", "kind": "holiday"}], "pets": 1})";
    const std::string request = R"({"as_of": "2026-12-01", "term": {"from": "2027-01-01", "to": "2027-06-30"},
      "persons": [{"id": "c-1", "municipality": "ale", "employment_start": "2026-06-01", "people": {"introduktor": "i-1"}},
                  {"id": "c-2", "municipality": "kungalv", "employment_start": "2026-09-01"},
                  {"id": "c-3", "municipality": "molndal", "employment_start": "2026-08-15"}],
      "mentors": [{"id": "m-1", "municipality": "goteborg", "profession_start": "2012-01-01", "capacity": 2}]})";
    const std::string issuer = "https://www.kungalv.se/socialtjansten";

    yr_program* gr = nullptr;
    yr_signing_key* key = nullptr;
    unsigned char seed[32];
    for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(0x40 + i);
    char* credential = nullptr;
    char* secret = nullptr;
    std::vector<Case> cases;
    // The list of programs is built on its first call (a function-local
    // static), from the built-in programs, which are compiled once and kept:
    // those are loaded first, so that only the list is built under failure.
    for (const char* id : {"gr-barn-unga", "uppsala-bistand-lss"}) {
        yr_program* p = nullptr;
        if (yr_program_load(id, nullptr, 0, &p) != YR_OK) fail(std::string("loading ") + id);
        yr_program_free(p);
    }
    cases.push_back({"yr_program_list (first call)", [](Out& o) { return yr_program_list(&o.text); }});
    exercise(cases.back(), cap, true);

    if (yr_program_load("gr-barn-unga", overlays, 2, &gr) != YR_OK ||
        yr_signing_key_from_seed(seed, sizeof seed, &key) != YR_OK ||
        yr_credential_issue(gr, person.c_str(), "2026-11-01", "introduktionsprogram", issuer.c_str(), "Kungälv", key,
                            nullptr, &credential) != YR_OK ||
        yr_signing_key_private_multibase(key, &secret) != YR_OK) {
        std::fprintf(stderr, "FAIL: setting up: %s\n", yr_error_last()->message);
        return 1;
    }
    const std::string trusted = R"({"issuers": [{"id": ")" + issuer + R"(", "name": "Kungälv", "keys": [{"publicKeyMultibase": ")" +
                                yr_signing_key_public_multibase(key) + R"("}]}]})";
    const std::string vc = credential, private_key = secret;
    yr_string_free(credential);
    yr_string_free(secret);

    cases = {
        {"yr_program_load (GR, 2 overlays)",
         [&](Out& o) { return yr_program_load("gr-barn-unga", overlays, 2, &o.program); }},
        {"yr_program_load_json (Uppsala)",
         [&](Out& o) { return yr_program_load_json(uppsala.c_str(), nullptr, 0, &o.program); }},
        {"yr_program_load_json (invalid overlay)",
         [&](Out& o) {
             const char* bad[] = {R"({"id": "x", "level": "unit", "pets": 1})"};
             return yr_program_load_json(uppsala.c_str(), bad, 1, &o.program);
         }},
        {"yr_evaluate", [&](Out& o) { return yr_evaluate(gr, person.c_str(), "2026-11-22", nullptr, &o.text); }},
        {"yr_evaluate_ymd (English)",
         [&](Out& o) {
             yr_evaluate_options options = YR_EVALUATE_OPTIONS_INIT;
             options.language = YR_LANGUAGE_EN;
             const yr_date as_of = {2026, 6, 1};
             return yr_evaluate_ymd(gr, person.c_str(), &as_of, &options, &o.text);
         }},
        {"yr_evaluate (invalid record)",
         [&](Out& o) { return yr_evaluate(gr, bad_person.c_str(), "2026-11-22", nullptr, &o.text); }},
        {"yr_certificate_issue",
         [&](Out& o) {
             return yr_certificate_issue(gr, person.c_str(), "2026-11-01", "introduktionsprogram", nullptr, &o.text);
         }},
        {"yr_certificate_issue (requirements not met)",
         [&](Out& o) { return yr_certificate_issue(gr, person.c_str(), "2026-11-01", "handledning", nullptr, &o.text); }},
        {"yr_signing_key_from_seed", [&](Out& o) { return yr_signing_key_from_seed(seed, sizeof seed, &o.key); }},
        {"yr_signing_key_from_multibase",
         [&](Out& o) { return yr_signing_key_from_multibase(private_key.c_str(), &o.key); }},
        {"yr_signing_key_private_multibase", [&](Out& o) { return yr_signing_key_private_multibase(key, &o.text); }},
        {"yr_credential_issue",
         [&](Out& o) {
             return yr_credential_issue(gr, person.c_str(), "2026-11-01", "introduktionsprogram", issuer.c_str(),
                                        "Kungälv", key, nullptr, &o.text);
         }},
        {"yr_credential_verify",
         [&](Out& o) { return yr_credential_verify(vc.c_str(), trusted.c_str(), "2026-11-22T10:00:00Z", &o.text); }},
        {"yr_credential_verify (not yet valid)",
         [&](Out& o) { return yr_credential_verify(vc.c_str(), trusted.c_str(), "2026-10-01T10:00:00Z", &o.text); }},
        {"yr_certificate_html", [&](Out& o) { return yr_certificate_html(vc.c_str(), &o.text); }},
        {"yr_json_canonicalize", [&](Out& o) { return yr_json_canonicalize(trusted.c_str(), &o.text); }},
        {"yr_coordinate", [&](Out& o) { return yr_coordinate(gr, request.c_str(), &o.text); }},
        {"yr_program_rule_book (HTML)", [&](Out& o) { return yr_program_rule_book(gr, YR_RULE_BOOK_HTML, &o.text); }},
        // The *_r forms: an error document to write as well.
        {"yr_program_load_r (GR + 2 overlays)",
         [&](Out& o) {
             o.travelling = true;
             return yr_program_load_r("gr-barn-unga", overlays, overlay_sizes, 2, &o.program, &o.error);
         }},
        {"yr_evaluate_r",
         [&](Out& o) {
             o.travelling = true;
             return yr_evaluate_r(gr, person.data(), person.size(), "2026-11-22", english.data(), english.size(),
                                  &o.text, nullptr, &o.error);
         }},
        {"yr_certificate_issue_r (not met: the error)",
         [&](Out& o) {
             o.travelling = true;
             return yr_certificate_issue_r(gr, person.data(), person.size(), "2026-11-01", "handledning", nullptr, 0,
                                           &o.text, nullptr, &o.error);
         }},
    };
    // yr_signing_key_generate's key is random each time: its answer is only
    // compared by its length.
    cases.push_back({"yr_signing_key_generate", [](Out& o) {
                         const int rc = yr_signing_key_generate(&o.key);
                         if (rc == YR_OK) {
                             yr_signing_key_free(o.key);
                             o.key = nullptr;
                         }
                         return rc;
                     }});
    for (const Case& c : cases) exercise(c, cap);

    yr_signing_key_free(key);
    yr_program_free(gr);
    if (failures) {
        std::fprintf(stderr, "alloc_failure: %d failures\n", failures);
        return 1;
    }
    std::puts("alloc_failure: every step returned YR_ENOMEM, nothing left allocated");
    return 0;
}
