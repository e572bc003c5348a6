// Program.evaluate and Program.evaluate_many: records read from Python data in
// C++ (person_input.hpp), evaluated without the GIL.
#include "evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "person_input.hpp"
#include "yrkesresan/error.hpp"

namespace yr_python {

using namespace yrkesresan;

Language parse_language(const std::string& language) {
    if (language == "sv") return Language::sv;
    if (language == "en") return Language::en;
    throw Error(ErrorCode::invalid_value, "", "language is sv or en");
}

Evaluation evaluate_one(const Program& program, py::handle record, Date as_of, Language language) {
    if (is_json_text(record)) {
        // Copied, then read without the GIL with the evaluation.
        const std::string text = json_text(record);
        py::gil_scoped_release release;
        return evaluate(program, PersonRecord::from_json(text), as_of, {language});
    }
    const PersonRecord person = person_record(record);
    py::gil_scoped_release release;
    return evaluate(program, person, as_of, {language});
}

namespace {

// The error of record `index`, its paths under the index.
Error in_batch(const Error& e, std::size_t index) {
    const std::string prefix = "/" + std::to_string(index);
    std::vector<Problem> problems = e.problems();
    for (auto& p : problems) p.path = prefix + p.path;
    const bool summary_is_first = e.code() == e.problems().front().code && e.path() == e.problems().front().path &&
                                  e.message() == e.problems().front().message;
    if (summary_is_first) return Error(std::move(problems));
    return Error(Problem{e.code(), prefix + e.path(), e.message()}, std::move(problems));
}

// One record on its way: read (or its text, read on a worker), then
// evaluated, or refused.
struct Slot {
    std::variant<std::monostate, PersonRecord, std::string> input;
    std::optional<Evaluation> evaluation;
    std::optional<Error> error;
};

void run(const Program& program, std::vector<Slot>& slots, Date as_of, Language language, unsigned threads) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < slots.size(); i = next++) {
            Slot& s = slots[i];
            if (std::holds_alternative<std::monostate>(s.input)) continue;
            try {
                if (auto* text = std::get_if<std::string>(&s.input))
                    s.evaluation = evaluate(program, PersonRecord::from_json(*text), as_of, {language});
                else
                    s.evaluation = evaluate(program, std::get<PersonRecord>(s.input), as_of, {language});
            } catch (const Error& e) {
                s.error = e;
            }
            s.input = std::monostate{};  // its memory back as soon as it is done
        }
    };
    if (threads <= 1) {
        work();
        return;
    }
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> failures(threads);
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            try {
                work();
            } catch (...) {
                failures[t] = std::current_exception();
            }
        });
    for (auto& th : pool) th.join();
    for (auto& f : failures)
        if (f) std::rethrow_exception(f);
}

}  // namespace

py::list evaluate_many(const Program& program, py::iterable records, Date as_of, Language language, bool keep_errors,
                       unsigned threads) {
    std::vector<Slot> slots;
    if (PyList_Check(records.ptr()) || PyTuple_Check(records.ptr())) slots.reserve(py::len(records));
    for (py::handle record : records) {
        Slot& s = slots.emplace_back();
        try {
            if (is_json_text(record))
                s.input = json_text(record);
            else
                s.input = person_record(record);
        } catch (const Error& e) {
            s.error = e;
            if (!keep_errors) break;  // records after it cannot be the first refused
        }
    }
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads ? threads : cores, std::max<std::size_t>(1, slots.size())));
    {
        py::gil_scoped_release release;
        run(program, slots, as_of, language, threads);
    }
    py::list out(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
        Slot& s = slots[i];
        if (s.error) {
            Error e = in_batch(*s.error, i);
            if (!keep_errors) throw e;
            out[i] = error_object(e);
        } else {
            out[i] = py::cast(std::move(*s.evaluation));
        }
        s.evaluation.reset();
    }
    return out;
}

}  // namespace yr_python
