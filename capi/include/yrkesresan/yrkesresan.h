/*
 * yrkesresan.h: the stable C ABI of yrkesresan, the rules engine for Swedish
 * social-work introduction and competence programs.
 *
 * One header, valid C99 and C++. Every symbol starts with yr_ / YR_.
 *
 * Conventions (the same for every function, so the per-function notes can be
 * short):
 *
 * - Strings are NUL-terminated UTF-8. JSON documents follow docs/contract.md
 *   and the schemas in data/schema/.
 * - Fallible functions return an int: YR_OK (0) on success, a negative
 *   yr_error_code on failure. Details of the failure (a stable snake_case
 *   kind, an English message that never repeats an input value, and a JSON
 *   Pointer into the offending document) are read with yr_error_last().
 * - The thread's last error: every function of this header resets it to
 *   YR_OK on entry, and sets it when it fails, except these, which leave it
 *   as it is: yr_version_number, yr_version_string, yr_abi_version,
 *   yr_error_last, yr_error_string, yr_string_free, the *_free functions,
 *   yr_struct_size, yr_struct_version and every *_r function. So a
 *   successful getter (yr_program_id, yr_signing_key_public_multibase...)
 *   also resets it. A runtime that moves work between OS threads (Java's
 *   virtual threads, goroutines, async tasks) cannot rely on it: the *_r
 *   forms ("Errors that travel with the call", at the end) return the error
 *   with the call instead.
 * - Out-parameters are set to NULL on entry, so they are NULL after any
 *   failure; nothing needs freeing after a failed call.
 * - Ownership: a `char **out_json` result belongs to the caller, who frees it
 *   with yr_string_free() (never with free(): the library may use another
 *   allocator). A `yr_program **out` result belongs to the caller, who frees
 *   it with yr_program_free(). A returned `const char *` is borrowed: the
 *   function says until when it stays valid. Input arguments are borrowed
 *   for the duration of the call only; the library keeps no pointer to them.
 * - Threads: the library keeps no global mutable state. A yr_program is
 *   immutable: any number of threads may use one handle at once without
 *   locks, provided none of them frees it meanwhile. The last error is per
 *   thread.
 * - No C++ exception ever leaves a function of this header.
 * - "Since" gives the library version in which a function appeared.
 */
#ifndef YRKESRESAN_H
#define YRKESRESAN_H

#include <stddef.h>

/* ------------------------------------------------------------------------ */
/* Export macro                                                              */
/* ------------------------------------------------------------------------ */

/* YR_API marks the functions exported from the shared library. Users of the
 * static library on Windows define YR_STATIC (the CMake target and the
 * pkg-config file do it for them). */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(YR_STATIC)
#    define YR_API
#  elif defined(YR_BUILDING_LIBRARY)
#    define YR_API __declspec(dllexport)
#  else
#    define YR_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define YR_API __attribute__((visibility("default")))
#else
#  define YR_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                  */
/* ------------------------------------------------------------------------ */

/* The version of the library this header belongs to: YR_VERSION_MAJOR,
 * YR_VERSION_MINOR, YR_VERSION_PATCH and YR_VERSION_STRING ("0.1.0"), from the
 * one version of the build (project() in CMakeLists.txt). */
#include "yrkesresan/yrkesresan_version.h"
/* MAJOR * 10000 + MINOR * 100 + PATCH: 0.1.0 is 100. */
#define YR_VERSION_NUMBER (YR_VERSION_MAJOR * 10000 + YR_VERSION_MINOR * 100 + YR_VERSION_PATCH)

/* The ABI major version: the shared library's SONAME is libyrkesresan_c.so.1.
 * It changes only when a change breaks existing binaries (capi/ABI.md). */
#define YR_ABI_VERSION 1

/*
 * yr_version_number: the runtime library's version as YR_VERSION_NUMBER
 * computes it. Compare with YR_VERSION_NUMBER to detect a header/library
 * mismatch.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_version_number(void);

/*
 * yr_version_string: the runtime library's version, "MAJOR.MINOR.PATCH".
 * Ownership: static storage; never NULL, never freed.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API const char *yr_version_string(void);

/*
 * yr_abi_version: the ABI major version of the runtime library
 * (YR_ABI_VERSION when it was built).
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_abi_version(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */
/* ------------------------------------------------------------------------ */

/* Semantic error classes. Values are stable and never reused; bindings map
 * them to exception types. yr_error.kind names the exact problem within the
 * class. */
typedef enum yr_error_code {
    YR_OK = 0,
    /* An argument of the call is invalid: NULL where a value is required, an
     * options struct of an unknown version, a date that does not exist. */
    YR_EINVALID = -1,
    /* Out of memory. */
    YR_ENOMEM = -2,
    /* A bug in the library; please report it. */
    YR_EINTERNAL = -3,
    /* No built-in program has that id. */
    YR_ENOTFOUND = -4,
    /* A document is not well-formed JSON (or invalid UTF-8, or has a
     * duplicate key). */
    YR_EPARSE = -5,
    /* A document is past a limit (docs/limits.md): size, depth, string length, items, values, number range. */
    YR_ELIMIT = -6,
    /* A document is well-formed JSON but breaks its format: a wrong type, a
     * missing or unknown field, an invalid value or date, a reversed period,
     * an unknown or conflicting responsibility code, a duplicate id. */
    YR_EFORMAT = -7,
    /* A document names an id that does not exist (an item, a checklist, a
     * module, a phase...). */
    YR_EREFERENCE = -8,
    /* A program definition is inconsistent: phases that leave a gap or
     * overlap, prerequisites that form a cycle. */
    YR_ERULES = -9,
    /* The person record contradicts the evaluation: a completion recorded
     * after the evaluation date. */
    YR_ECONFLICT = -10,
    /* A certificate asked for before its requirements are met;
     * yr_error.problems lists what is missing. */
    YR_ENOTMET = -11
} yr_error_code;

/* The details of the calling thread's last failure. */
typedef struct yr_error {
    /* A yr_error_code; YR_OK when the last fallible call succeeded. */
    int code;
    /* The stable snake_case kind of the problem, the same string the C++ and
     * Python faces report ("future_event", "unknown_field",
     * "invalid_argument"); "" when code is YR_OK. */
    const char *kind;
    /* English, for people; names the problem and where it is, never an
     * input value; "" when code is YR_OK. */
    const char *message;
    /* JSON Pointer (RFC 6901) into the offending document; "" means the
     * document itself or, for YR_EINVALID, an argument named in message. */
    const char *path;
    /* Every problem found (a program is validated whole), as a JSON array
     * of {"code": kind, "path", "message"}, with "line" and "column"
     * (1-based, columns in characters) where the text's place is known, as
     * for every syntax error; "[]" when code is YR_OK. */
    const char *problems;
} yr_error;

/*
 * yr_error_last: the calling thread's last error.
 * Return: never NULL. When the last fallible call on this thread succeeded,
 * a yr_error with code YR_OK and empty strings.
 * Ownership: borrowed; the struct and its strings stay valid until the next
 * fallible call on the same thread (or yr_error_clear). Copy what you keep.
 * Thread safety: per thread; reading it never changes it. Since 0.1.0.
 */
YR_API const yr_error *yr_error_last(void);

/*
 * yr_error_clear: resets the calling thread's last error to YR_OK.
 * Thread safety: per thread. Since 0.1.0.
 */
YR_API void yr_error_clear(void);

/*
 * yr_error_string: a short English description of a yr_error_code
 * ("invalid argument"); "unknown error code" for other values.
 * Ownership: static storage; never NULL, never freed.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API const char *yr_error_string(int code);

/* ------------------------------------------------------------------------ */
/* Strings returned by the library                                           */
/* ------------------------------------------------------------------------ */

/*
 * yr_string_free: frees a string the library returned through a
 * `char **out_json` parameter. NULL is a harmless no-op.
 * Thread safety: any thread, once per string. Since 0.1.0.
 */
YR_API void yr_string_free(char *string);

/* ------------------------------------------------------------------------ */
/* Programs                                                                  */
/* ------------------------------------------------------------------------ */

/* A loaded, validated program with its overlays applied. Opaque and
 * immutable. */
typedef struct yr_program yr_program;

/*
 * yr_program_list: the programs built into the library.
 * out_json: receives a JSON array, one object per program:
 *   [{"id": "gr-barn-unga", "version": "...", "title": "...",
 *     "valid_from": "YYYY-MM-DD"}, ...]
 * Return: YR_OK, or YR_EINVALID (out_json NULL), YR_ENOMEM.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_program_list(char **out_json);

/*
 * yr_vocabularies: the closed vocabularies of the JSON documents, from the
 * library's one table of each, so that a binding keeps no copy of a list.
 * out_json: receives a JSON object, members only ever added:
 *   {"error_classes": {"parse_error": "parse", ...},  (each error code's
 *      class: parse, limit, format, reference, rules, conflict, not_found,
 *      not_met; the yr_error_code a function returns follows it)
 *    "event_types": ["item_done", ...], "leave_kinds": ["parental", ...],
 *    "named_roles": ["EC", "1:e", "FA", "AD", "introduktor", "mentor"],
 *    "roles": ["EC", "1:e", "FA", "AD", "SJ", "EJ"]}
 * Return: YR_OK, or YR_EINVALID (out_json NULL), YR_ENOMEM.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_vocabularies(char **out_json);

/*
 * yr_program_load: loads a built-in program ("gr-barn-unga",
 * "uppsala-bistand-lss") and applies overlays in order: municipality
 * overlays first, then unit overlays (docs/rules.md R3,
 * data/schema/overlay.schema.json).
 * builtin_id: the program id.
 * overlays: overlay_count JSON documents; may be NULL when overlay_count is 0.
 * out: receives the new program.
 * Return: YR_OK; YR_EINVALID (a NULL argument), YR_ENOTFOUND (no such
 * program); for an overlay: YR_EPARSE, YR_ELIMIT, YR_EFORMAT,
 * YR_EREFERENCE, YR_ERULES, with the message naming the overlay's index
 * ("overlays[1]") and path pointing into that overlay.
 * Ownership: the caller frees *out with yr_program_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_program_load(const char *builtin_id, const char *const *overlays, size_t overlay_count,
                           yr_program **out);

/*
 * yr_program_load_json: loads a program from its JSON definition
 * (data/schema/program.schema.json) and applies overlays as
 * yr_program_load does.
 * Return: YR_OK; YR_EINVALID; for the definition or an overlay: YR_EPARSE,
 * YR_ELIMIT, YR_EFORMAT, YR_EREFERENCE, YR_ERULES (the definition is
 * validated whole: yr_error.problems lists every problem).
 * Ownership: the caller frees *out with yr_program_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_program_load_json(const char *definition_json, const char *const *overlays,
                                size_t overlay_count, yr_program **out);

/*
 * yr_program_check: the program checker (docs/authoring.md, "Checking a
 * program"): every error that stops a program and its overlays loading and,
 * when they load, warnings about what loads but cannot be right, each placed
 * by document, JSON Pointer, line and column.
 * definition_json: a program definition; overlays: overlay_count overlay
 * documents, layered in order (may be NULL when overlay_count is 0).
 * out_json: receives the report, {"loads": bool, "errors": n, "warnings": n,
 * "findings": [{"severity": "error" | "warning", "code", "document" (0 the
 * program, k the k-th overlay), "path", "line", "column" (1-based; 0 when
 * not known), "message"}]}; the caller frees it with yr_string_free().
 * Return: YR_OK, also for a program that does not load (its errors are
 * findings); YR_EINVALID (a NULL argument); YR_ENOMEM.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_program_check(const char *definition_json, const char *const *overlays, size_t overlay_count,
                            char **out_json);

/*
 * yr_program_free: frees a program. NULL is a harmless no-op.
 * Thread safety: no other thread may be using the program. Since 0.1.0.
 */
YR_API void yr_program_free(yr_program *program);

/*
 * yr_program_id, yr_program_version: the program's id and version.
 * Return: NULL, with the thread's last error set to YR_EINVALID, when
 * program is NULL; otherwise never NULL.
 * Ownership: borrowed from the program; valid until yr_program_free.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API const char *yr_program_id(const yr_program *program);
YR_API const char *yr_program_version(const yr_program *program);

/*
 * yr_program_definition: the effective program definition after overlays,
 * as JSON; yr_program_load_json of it gives an equal program (to ship a
 * program to another process).
 * Return: NULL, with the thread's last error set to YR_EINVALID, when
 * program is NULL; otherwise never NULL.
 * Ownership: borrowed from the program; valid until yr_program_free.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API const char *yr_program_definition(const yr_program *program);

/* The formats of a program's rule book. */
typedef enum yr_rule_book_format {
    YR_RULE_BOOK_MARKDOWN = 0, /* CommonMark, tables as GitHub writes them */
    YR_RULE_BOOK_HTML = 1      /* one self-contained page with a print style */
} yr_rule_book_format;

/*
 * yr_program_rule_book: the program's rule book, in Swedish: the whole
 * program in words, for a reviewer who checks it against its sources
 * without reading JSON. Title, id, version, valid-from date, organisation,
 * the changelog, the phases, every checklist with its items (codes, the due
 * rule in words, prerequisites), every component (kind, organiser,
 * obligation, window, target group, modules, sessions, groups, certificate
 * rule, hours) and every recommendation with its value; beside every rule
 * its citation: the words it rests on, the document and page, and the
 * interpretation or assumption, marked as such. Every string of the program
 * is escaped for the format. The same program gives the same text, byte for
 * byte (the C++ rule_book() and Python's Program.rule_book() give it too).
 * format: a yr_rule_book_format.
 * out: receives the text (UTF-8).
 * Return: YR_OK; YR_EINVALID (a NULL argument, or format is not a
 * yr_rule_book_format); YR_ENOMEM.
 * Ownership: the caller frees *out with yr_string_free().
 * Thread safety: any thread, also many at once on one program. Since 0.1.0.
 */
YR_API int yr_program_rule_book(const yr_program *program, int format, char **out);

/* ------------------------------------------------------------------------ */
/* Evaluation                                                                */
/* ------------------------------------------------------------------------ */

/* A calendar date: no time, no time zone. */
typedef struct yr_date {
    int year;  /* e.g. 2026 */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} yr_date;

/* The language of the evaluation document's messages: its "language", every
 * finding's "message" (reasons, missing, warnings) and the "what" of the
 * actions the library words itself. Labels (phases, checklists, items,
 * components, modules, recommendations, organisers) and an item action's
 * "what" stay as the program states them (docs/contract.md). */
typedef enum yr_language {
    YR_LANGUAGE_SV = 0, /* Swedish, the default */
    YR_LANGUAGE_EN = 1
} yr_language;

/* Options of an evaluation. Fields are only ever added at the end; version
 * tells the library which fields the caller knows. Initialise with
 * YR_EVALUATE_OPTIONS_INIT or yr_evaluate_options_init(). */
typedef struct yr_evaluate_options {
    unsigned int version; /* YR_EVALUATE_OPTIONS_VERSION */
    int language;         /* a yr_language; since version 1 */
} yr_evaluate_options;

#define YR_EVALUATE_OPTIONS_VERSION 1
#define YR_EVALUATE_OPTIONS_INIT { YR_EVALUATE_OPTIONS_VERSION, YR_LANGUAGE_SV }

/*
 * yr_evaluate_options_init: fills options with the defaults of the given
 * struct version (pass YR_EVALUATE_OPTIONS_VERSION).
 * Return: YR_OK; YR_EINVALID when options is NULL or version unknown.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_evaluate_options_init(yr_evaluate_options *options, unsigned int version);

/*
 * yr_evaluate: evaluates one person against a program on one date, a pure
 * function of (program, person, as_of): no clock, no I/O.
 * program: a loaded program.
 * person_json: a person record (docs/contract.md).
 * as_of: the evaluation date, strict ISO 8601 "YYYY-MM-DD".
 * options: NULL for the defaults (Swedish).
 * out_json: receives the evaluation document (docs/contract.md)
 *   (data/schema/evaluation.schema.json).
 * Return: YR_OK; YR_EINVALID (a NULL argument, as_of not an existing date,
 * bad options); for the person record: YR_EPARSE, YR_ELIMIT, YR_EFORMAT,
 * YR_EREFERENCE, YR_ECONFLICT, with path pointing into the record.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread, also many at once on one program.
 * Since 0.1.0.
 */
YR_API int yr_evaluate(const yr_program *program, const char *person_json, const char *as_of,
                       const yr_evaluate_options *options, char **out_json);

/*
 * yr_evaluate_ymd: yr_evaluate with the date as a yr_date.
 * Return, ownership, thread safety: as yr_evaluate; YR_EINVALID when as_of
 * is NULL or not an existing date. Since 0.1.0.
 */
YR_API int yr_evaluate_ymd(const yr_program *program, const char *person_json, const yr_date *as_of,
                           const yr_evaluate_options *options, char **out_json);

/* ------------------------------------------------------------------------ */
/* Certificates                                                              */
/* ------------------------------------------------------------------------ */

/* Options of a certificate issue. Fields are only ever added at the end;
 * initialise with YR_CERTIFICATE_OPTIONS_INIT or
 * yr_certificate_options_init(). */
typedef struct yr_certificate_options {
    unsigned int version; /* YR_CERTIFICATE_OPTIONS_VERSION */
    /* The issuing organisation; NULL or "" for the program's organisation.
     * Borrowed for the duration of the call. Since version 1. */
    const char *issuer;
} yr_certificate_options;

#define YR_CERTIFICATE_OPTIONS_VERSION 1
#define YR_CERTIFICATE_OPTIONS_INIT { YR_CERTIFICATE_OPTIONS_VERSION, NULL }

/*
 * yr_certificate_options_init: fills options with the defaults of the given
 * struct version (pass YR_CERTIFICATE_OPTIONS_VERSION).
 * Return: YR_OK; YR_EINVALID when options is NULL or version unknown.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_certificate_options_init(yr_certificate_options *options, unsigned int version);

/*
 * yr_certificate_issue: issues the certificate (intyg) of one component
 * (docs/rules.md R8), only when its requirements are met on as_of. Issuing is
 * idempotent: the same facts give the same document and the same
 * deterministic id.
 * program: a loaded program.
 * person_json: a person record (docs/contract.md).
 * as_of: the issue date, strict ISO 8601 "YYYY-MM-DD".
 * component: the component's id ("introduktionsprogram", "handledning").
 * options: NULL for the defaults.
 * out_json: receives the certificate document
 *   (data/schema/certificate.schema.json): {"type", "format", "id",
 *   "content": {...}, "proof": null}.
 * Return: YR_OK; YR_EINVALID (a NULL argument, as_of not an existing date,
 * bad options); YR_ENOTMET (requirements not met: yr_error.problems lists
 * each missing requirement); YR_EREFERENCE (no such component with a
 * certificate, or an unknown id in the record); for the person record:
 * YR_EPARSE, YR_ELIMIT, YR_EFORMAT, YR_ECONFLICT.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread, also many at once on one program.
 * Since 0.1.0.
 */
YR_API int yr_certificate_issue(const yr_program *program, const char *person_json, const char *as_of,
                                const char *component, const yr_certificate_options *options, char **out_json);

/* ------------------------------------------------------------------------ */
/* Signed certificates that travel                                           */
/* ------------------------------------------------------------------------ */

/* The intyg as a W3C Verifiable Credential 2.0 / Open Badges 3.0
 * OpenBadgeCredential, signed with the Data Integrity cryptosuite
 * eddsa-jcs-2022 (Ed25519 over RFC 8785 canonical JSON) and verifiable
 * offline against the issuers the host trusts (docs/certificates.md). The
 * issuer's identity and key always come from the host: the library makes a
 * key only in yr_signing_key_generate and never prints or logs one. */

/* An Ed25519 signing key. Opaque; the secret is wiped when it is freed. */
typedef struct yr_signing_key yr_signing_key;

/*
 * yr_signing_key_from_seed: a key from its 32-byte RFC 8032 private key.
 * Return: YR_OK; YR_EINVALID (a NULL argument, seed_size not 32).
 * Ownership: seed is borrowed for the call (the library keeps a copy inside
 * the key); the caller frees *out with yr_signing_key_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_signing_key_from_seed(const unsigned char *seed, size_t seed_size, yr_signing_key **out);

/*
 * yr_signing_key_from_multibase: a key from a Multikey private key,
 * "z3u2..." (multicodec ed25519-priv and the 32-byte seed, base58btc).
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EFORMAT (not such a key;
 * the message never repeats it).
 * Ownership: the caller frees *out with yr_signing_key_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_signing_key_from_multibase(const char *private_key_multibase, yr_signing_key **out);

/*
 * yr_signing_key_generate: a new random key (libsodium's CSPRNG), for an
 * explicit key set-up step; store it with yr_signing_key_private_multibase.
 * Return: YR_OK; YR_EINVALID (out NULL).
 * Ownership: the caller frees *out with yr_signing_key_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_signing_key_generate(yr_signing_key **out);

/*
 * yr_signing_key_free: wipes and frees a key. NULL is a harmless no-op.
 * Thread safety: no other thread may be using the key. Since 0.1.0.
 */
YR_API void yr_signing_key_free(yr_signing_key *key);

/*
 * yr_signing_key_public_multibase: the public key as a Multikey, "z6Mk...",
 * as a trusted-issuer list names it.
 * yr_signing_key_verification_method: the key's did:key verification
 * method, "did:key:z6Mk...#z6Mk...".
 * Return: NULL, with the thread's last error set to YR_EINVALID, when key
 * is NULL; otherwise never NULL.
 * Ownership: borrowed from the key; valid until yr_signing_key_free.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API const char *yr_signing_key_public_multibase(const yr_signing_key *key);
YR_API const char *yr_signing_key_verification_method(const yr_signing_key *key);

/*
 * yr_signing_key_private_multibase: the secret as a Multikey, "z3u2...", to
 * store a generated key. Handle it as the key itself: overwrite it before
 * yr_string_free.
 * Return: YR_OK; YR_EINVALID (a NULL argument).
 * Ownership: the caller frees *out with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_signing_key_private_multibase(const yr_signing_key *key, char **out);

/* Options of yr_credential_issue. Fields are only ever added at the end;
 * initialise with YR_CREDENTIAL_OPTIONS_INIT or yr_credential_options_init().
 * Every string is optional (NULL or ""), borrowed for the call. */
typedef struct yr_credential_options {
    unsigned int version;            /* YR_CREDENTIAL_OPTIONS_VERSION */
    const char *issuer_url;          /* issuer.url; since version 1 */
    const char *issuer_email;        /* issuer.email; since version 1 */
    /* proof.verificationMethod, the URL of the key; default its did:key.
     * Since version 1. */
    const char *verification_method;
    /* validFrom, an xsd:dateTimeStamp ("2026-11-02T09:00:00Z"); default the
     * completion date at 00:00:00Z. Since version 1. */
    const char *valid_from;
    /* proof.created, an xsd:dateTimeStamp; default valid_from. Since
     * version 1. */
    const char *created;
    /* The issuing organisation in the certificate's content; default the
     * program's organisation (as yr_certificate_options.issuer). Since
     * version 1. */
    const char *organisation;
} yr_credential_options;

#define YR_CREDENTIAL_OPTIONS_VERSION 1
#define YR_CREDENTIAL_OPTIONS_INIT { YR_CREDENTIAL_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/*
 * yr_credential_options_init: fills options with the defaults of the given
 * struct version (pass YR_CREDENTIAL_OPTIONS_VERSION).
 * Return: YR_OK; YR_EINVALID when options is NULL or version unknown.
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_credential_options_init(yr_credential_options *options, unsigned int version);

/*
 * yr_credential_issue: issues the certificate of one component as
 * yr_certificate_issue does, and returns it as a signed OpenBadgeCredential.
 * Deterministic: the same facts, issuer, key and options give the same bytes.
 * issuer_id: the issuer's URI (https URL or DID); issuer_name: its name.
 * key: the issuer's signing key.
 * options: NULL for the defaults.
 * out_json: receives the credential, canonical (RFC 8785) JSON.
 * Return: YR_OK; YR_EINVALID (a NULL argument, as_of not an existing date,
 * bad options); YR_EFORMAT (issuer_id not a URI, an empty issuer_name, a
 * time that is not an xsd:dateTimeStamp); and every failure of
 * yr_certificate_issue (YR_ENOTMET, YR_EREFERENCE, YR_EPARSE...).
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread, also many at once on one program and one key.
 * Since 0.1.0.
 */
YR_API int yr_credential_issue(const yr_program *program, const char *person_json, const char *as_of,
                               const char *component, const char *issuer_id, const char *issuer_name,
                               const yr_signing_key *key, const yr_credential_options *options, char **out_json);

/*
 * yr_credential_verify: verifies a signed credential offline.
 * trusted_issuers_json: the issuers the host trusts,
 *   {"issuers": [{"id": "...", "name": "...", "keys": [{"publicKeyMultibase":
 *   "z6Mk...", "verificationMethod": "..." (optional: default did:key)}],
 *   "didDocument": {...}}]}: "keys" may be left out for a did:key id or when
 *   "didDocument" (the issuer's did.json) names them.
 * now: the time of verification, an xsd:dateTimeStamp (the library has no
 *   clock).
 * out_json: receives {"status", "message", "credential_id", "issuer_id",
 *   "issuer_name", "valid_from", "content": {...} | null}; status is "ok",
 *   "malformed", "wrong_cryptosuite", "unknown_issuer", "bad_signature",
 *   "not_yet_valid", "expired", "revoked" or "status_unavailable" (a
 *   credential with credentialStatus: yr_credential_verify_status takes the
 *   status lists); content is the certificate's content when ok.
 * Return: YR_OK whenever the credential was judged, whatever the status;
 * YR_EINVALID (a NULL argument, now not an xsd:dateTimeStamp); for the
 * trusted list: YR_EPARSE, YR_ELIMIT, YR_EFORMAT with path into it.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_credential_verify(const char *credential_json, const char *trusted_issuers_json, const char *now,
                                char **out_json);

/*
 * yr_certificate_html: a printable page (HTML with print CSS, Swedish) of a
 * signed credential: what the intyg attests, the issuer and how to verify
 * it; the page embeds the credential. It does not verify: verify first.
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EPARSE, YR_ELIMIT (not
 * strict JSON); YR_EFORMAT (no certificate content in the credential).
 * Ownership: the caller frees *out_html with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_certificate_html(const char *credential_json, char **out_html);

/*
 * yr_json_canonicalize: the RFC 8785 (JCS) canonical form of JSON text,
 * read strictly (no duplicate keys, UTF-8 only).
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EPARSE, YR_ELIMIT.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_json_canonicalize(const char *json, char **out_json);

/* Issuer identity and revocation. A municipality's issuer id is best a DID
 * that controls its signing key: did:web (its did.json published at
 * https://<host>/.well-known/did.json) or the key's did:key. Give the DID as
 * yr_credential_issue's issuer_id; the proof then names "<did>#key-1" (or the
 * did:key's method). Receivers put the DID document in their trusted-issuer
 * list: {"issuers": [{"name": "...", "didDocument": {...}}]}. */

/*
 * yr_did_web_from_url: the did:web of an https URL ("https://www.ale.se" is
 * "did:web:www.ale.se", "https://ale.se/social" is "did:web:ale.se:social").
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EFORMAT (not https, user
 * info, a query or fragment, a path a did:web cannot carry).
 * Ownership: the caller frees *out_did with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_did_web_from_url(const char *https_url, char **out_did);

/*
 * yr_did_document: the DID document (did.json, canonical JSON) an issuer
 * publishes: each key a Multikey verification method "<did>#key-1",
 * "#key-2"... in order (a did:key: its own key as "<did>#<key>"), each an
 * assertionMethod.
 * public_keys_json: a JSON array of public keys, ["z6Mk...", ...]
 *   (yr_signing_key_public_multibase).
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EPARSE, YR_ELIMIT,
 * YR_EFORMAT (not an array of strings, with path; not a DID; no key or not
 * an Ed25519 Multikey; a did:key with another key).
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_did_document(const char *did, const char *public_keys_json, char **out_json);

/*
 * yr_status_list_create: a new status list credential of the issuer (W3C
 * Bitstring Status List v1.0, purpose revocation): 131,072 entries, none
 * revoked, signed with eddsa-jcs-2022 by key, canonical JSON. list_url is
 * where the host publishes it; a credential names it (and its own index,
 * handed out by the host, each once) with the options_json members
 * "status_list" and "status_list_index" of yr_credential_issue_r.
 * valid_from: its validFrom, an xsd:dateTimeStamp (the library has no clock).
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EFORMAT (list_url not a
 * URL without fragment, an empty issuer, valid_from not a time, a key the
 * issuer's DID does not name).
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_status_list_create(const char *list_url, const char *issuer_id, const char *issuer_name,
                                 const yr_signing_key *key, const char *valid_from, char **out_json);

/*
 * yr_status_list_revoke: the status list with entry `index` revoked (for
 * good), signed again by its issuer with key at valid_from. Publish the
 * result in place of the old list.
 * Return: YR_OK; YR_EINVALID (a NULL argument); YR_EPARSE, YR_ELIMIT;
 * YR_EFORMAT (not a status list credential, index beyond it, valid_from not
 * a time, a key the issuer's DID does not name).
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_status_list_revoke(const char *status_list_json, unsigned long long index, const yr_signing_key *key,
                                 const char *valid_from, char **out_json);

/*
 * yr_credential_verify_status: yr_credential_verify with the status lists
 * the host holds: status_lists_json is a JSON array of status list
 * credentials ([] for none; nothing is fetched). A credential with a
 * credentialStatus gets the status "revoked" when its bit is set in its list,
 * "status_unavailable" when no list given is its issuer's, signed and valid
 * at `now`; otherwise as yr_credential_verify.
 * Return: as yr_credential_verify; for status_lists_json also YR_EPARSE,
 * YR_ELIMIT, YR_EFORMAT (not an array of objects, with path).
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread. Since 0.1.0.
 */
YR_API int yr_credential_verify_status(const char *credential_json, const char *trusted_issuers_json, const char *now,
                                       const char *status_lists_json, char **out_json);

/* ------------------------------------------------------------------------ */
/* Regional coordination                                                     */
/* ------------------------------------------------------------------------ */

/*
 * yr_coordinate: a coordinator's term plan over a population (
 * docs/coordination.md): every person of the request is evaluated on its
 * as_of, then the report lists who should start the course this term, who
 * has passed a window, proposed supervision groups that mix municipalities
 * (R5), proposed groups for the annual activities the request asks for
 * (R7: everyone employed in the year, mixing municipalities as the program
 * says), proposed mentor pairs across municipalities (R6), certificates due
 * (R8) and the introduktör hours of the term (R6). A pure function of
 * (program, request): no clock, no I/O, no randomness; the same request
 * gives the same report whatever the order of its lists.
 * program: a loaded program.
 * request_json: a coordination request
 *   (data/schema/coordination-request.schema.json):
 *   {"as_of": "YYYY-MM-DD", "term": {"from", "to"} (both days inclusive),
 *    "language": "sv" | "en", "persons": [person records],
 *    "mentors": [{"id", "municipality", "profession_start",
 *                 "prior_experience_months", "capacity"}],
 *    "annual_groups": [{"component", "year" (the term's by default),
 *                       "group": {"min", "max"} (when the program sets no
 *                       size)}]}.
 * out_json: receives the report (data/schema/coordination.schema.json).
 * Return: YR_OK; YR_EINVALID (a NULL argument); for the request and its
 * records: YR_EPARSE, YR_ELIMIT, YR_EFORMAT, YR_EREFERENCE, YR_ECONFLICT,
 * with path pointing into the request ("/persons/3/employment_start";
 * "/annual_groups/0/group", missing_field, when neither the program nor the
 * request gives an annual activity's group size);
 * yr_error.problems lists every problem found while reading the request.
 * Ownership: the caller frees *out_json with yr_string_free().
 * Thread safety: any thread, also many at once on one program. The call
 * evaluates the persons on every core of the machine and returns when done.
 * Since 0.1.0.
 */
YR_API int yr_coordinate(const yr_program *program, const char *request_json, char **out_json);

/* ------------------------------------------------------------------------ */
/* Struct layouts                                                            */
/* ------------------------------------------------------------------------ */

/* The structs of this header, for yr_struct_size and yr_struct_version.
 * Layouts (every field naturally aligned, no packing; on LP64, e.g. x86-64
 * and aarch64 Linux, with offsets in bytes):
 *   yr_error                 size 40: code int @0, 4 bytes padding @4,
 *                            kind @8, message @16, path @24, problems @32
 *   yr_date                  size 12: year @0, month @4, day @8
 *   yr_evaluate_options      size 8: version unsigned int @0, language int @4
 *   yr_certificate_options   size 16: version @0, 4 bytes padding @4,
 *                            issuer @8
 *   yr_credential_options    size 56: version @0, 4 bytes padding @4,
 *                            issuer_url @8, issuer_email @16,
 *                            verification_method @24, valid_from @32,
 *                            created @40, organisation @48
 * A binding that would rather not lay out structs uses the *_r forms, which
 * take options as JSON text. */
typedef enum yr_struct {
    YR_STRUCT_ERROR = 1,
    YR_STRUCT_DATE = 2,
    YR_STRUCT_EVALUATE_OPTIONS = 3,
    YR_STRUCT_CERTIFICATE_OPTIONS = 4,
    YR_STRUCT_CREDENTIAL_OPTIONS = 5
} yr_struct;

/*
 * yr_struct_size: sizeof the struct in the runtime library (a yr_struct);
 * 0 for another value.
 * Thread safety: any thread; leaves the last error alone. Since 0.1.0.
 */
YR_API size_t yr_struct_size(int which);

/*
 * yr_struct_version: the highest version of an options struct the runtime
 * library reads (YR_EVALUATE_OPTIONS_VERSION... when it was built); 0 for a
 * struct without a version (yr_error, yr_date) or another value.
 * Thread safety: any thread; leaves the last error alone. Since 0.1.0.
 */
YR_API unsigned int yr_struct_version(int which);

/* ------------------------------------------------------------------------ */
/* Errors that travel with the call                                          */
/* ------------------------------------------------------------------------ */

/* The *_r forms do what the function of the same name does, and differ in
 * three ways, so that a binding needs no per-thread state, no struct layout
 * and no strlen:
 *
 * - The error travels with the call: on failure *out_error receives an
 *   error document the caller frees with yr_string_free():
 *     {"code": -11, "kind": "requirements_not_met", "message": "...",
 *      "path": "", "problems": [{"code", "path", "message"}, ...]}
 *   code is the yr_error_code the call returns; kind, message, path and
 *   problems are what yr_error_last() would show. *out_error is NULL on
 *   success, and also after YR_ENOMEM when memory ran out while writing it.
 *   out_error may be NULL (the code alone is returned). The thread's last
 *   error is neither read, reset nor set.
 * - Documents are given as (pointer, size in bytes), not NUL-terminated; a
 *   NUL byte inside is refused like any other byte that JSON text cannot
 *   hold (parse_error). Short text arguments (ids, dates, issuer names) stay
 *   NUL-terminated.
 * - Options are JSON text (options_json, options_size); NULL with size 0
 *   for the defaults. An unknown member, a wrong type or an unknown value
 *   is YR_EINVALID with kind unknown_field, wrong_type or invalid_value and
 *   path into the options ("/language").
 * - Results come with their size in bytes (*out_size, which may be NULL);
 *   the text is also NUL-terminated.
 *
 * Return values, ownership and thread safety are those of the function of
 * the same name. Each is "Since 0.1.0".
 */

/* yr_program_list; out_json, as yr_program_list. */
YR_API int yr_program_list_r(char **out_json, size_t *out_size, char **out_error);

/* yr_vocabularies; out_json, as yr_vocabularies. */
YR_API int yr_vocabularies_r(char **out_json, size_t *out_size, char **out_error);

/* yr_program_load; overlay_sizes[i] is the size of overlays[i] (both may be
 * NULL when overlay_count is 0). */
YR_API int yr_program_load_r(const char *builtin_id, const char *const *overlays, const size_t *overlay_sizes,
                             size_t overlay_count, yr_program **out, char **out_error);

/* yr_program_load_json. */
YR_API int yr_program_load_json_r(const char *definition_json, size_t definition_size, const char *const *overlays,
                                  const size_t *overlay_sizes, size_t overlay_count, yr_program **out,
                                  char **out_error);

/* yr_program_check; overlay_sizes as for yr_program_load_r. */
YR_API int yr_program_check_r(const char *definition_json, size_t definition_size, const char *const *overlays,
                              const size_t *overlay_sizes, size_t overlay_count, char **out_json, size_t *out_size,
                              char **out_error);

/* yr_program_definition, as a copy with its size (the caller frees *out_json
 * with yr_string_free()). */
YR_API int yr_program_definition_r(const yr_program *program, char **out_json, size_t *out_size,
                                   char **out_error);

/* yr_program_rule_book. */
YR_API int yr_program_rule_book_r(const yr_program *program, int format, char **out, size_t *out_size,
                                  char **out_error);

/* yr_evaluate. options_json: {"language": "sv" | "en"} (default "sv"). */
YR_API int yr_evaluate_r(const yr_program *program, const char *person_json, size_t person_size, const char *as_of,
                         const char *options_json, size_t options_size, char **out_json, size_t *out_size,
                         char **out_error);

/* yr_certificate_issue. options_json: {"issuer": "..."} (default the
 * program's organisation). On YR_ENOTMET the problems are the missing
 * requirements, each with its own code and path (yr_certificate_issue). */
YR_API int yr_certificate_issue_r(const yr_program *program, const char *person_json, size_t person_size,
                                  const char *as_of, const char *component, const char *options_json,
                                  size_t options_size, char **out_json, size_t *out_size, char **out_error);

/* yr_credential_issue. options_json: the members of yr_credential_options,
 * each optional: {"issuer_url", "issuer_email", "verification_method",
 * "valid_from", "created", "organisation"}, and "status_list" (the URL of
 * the issuer's status list, yr_status_list_create) with "status_list_index"
 * (an integer) for a revocable credential. */
YR_API int yr_credential_issue_r(const yr_program *program, const char *person_json, size_t person_size,
                                 const char *as_of, const char *component, const char *issuer_id,
                                 const char *issuer_name, const yr_signing_key *key, const char *options_json,
                                 size_t options_size, char **out_json, size_t *out_size, char **out_error);

/* yr_credential_verify. */
YR_API int yr_credential_verify_r(const char *credential_json, size_t credential_size,
                                  const char *trusted_issuers_json, size_t trusted_issuers_size, const char *now,
                                  char **out_json, size_t *out_size, char **out_error);

/* yr_certificate_html. */
YR_API int yr_certificate_html_r(const char *credential_json, size_t credential_size, char **out_html,
                                 size_t *out_size, char **out_error);

/* yr_json_canonicalize. */
YR_API int yr_json_canonicalize_r(const char *json, size_t json_size, char **out_json, size_t *out_size,
                                  char **out_error);

/* yr_coordinate. */
YR_API int yr_coordinate_r(const yr_program *program, const char *request_json, size_t request_size,
                           char **out_json, size_t *out_size, char **out_error);

/* yr_signing_key_from_seed, yr_signing_key_from_multibase,
 * yr_signing_key_generate, yr_signing_key_private_multibase. */
YR_API int yr_signing_key_from_seed_r(const unsigned char *seed, size_t seed_size, yr_signing_key **out,
                                      char **out_error);
YR_API int yr_signing_key_from_multibase_r(const char *private_key_multibase, yr_signing_key **out,
                                           char **out_error);
YR_API int yr_signing_key_generate_r(yr_signing_key **out, char **out_error);
YR_API int yr_signing_key_private_multibase_r(const yr_signing_key *key, char **out, size_t *out_size,
                                              char **out_error);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* YRKESRESAN_H */
