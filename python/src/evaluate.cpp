// Program.evaluate and Program.evaluate_many: records read from Python data in
// C++ (person_input.hpp), evaluated without the GIL, on every core for many.
#include "evaluate.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "evaluation_dict.hpp"
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
    std::exception_ptr failure;  // anything else (out of memory), rethrown in order
    bool done = false;           // guarded by Pipeline::mutex
};

// Records are read on the calling thread with the GIL held and handed, as
// each is read, to the worker threads, which evaluate them without the GIL;
// meanwhile the calling thread turns the finished ones, in order, into Python
// objects. So reading, evaluating and building the results overlap.
class Pipeline {
public:
    Pipeline(const Program& program, std::vector<Slot>& slots, Date as_of, Language language, unsigned threads)
        : program_(program), slots_(slots), as_of_(as_of), language_(language) {
        for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
    }
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;
    // Whatever happened, no worker outlives the slots (they never need the GIL).
    ~Pipeline() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            cancelled_ = true;
        }
        work_.notify_all();
        for (auto& w : workers_) w.join();
    }

    // Slots [0, count) are ready to be evaluated; `last`: no more will come.
    void ready(std::size_t count, bool last) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ready_ = count;
            reading_done_ = last;
        }
        if (last) work_.notify_all();
        else work_.notify_one();
    }
    // Waits (without the GIL) until slot i is evaluated.
    void wait(std::size_t i) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (slots_[i].done) return;
        lock.unlock();
        py::gil_scoped_release release;
        lock.lock();
        done_.wait(lock, [&] { return slots_[i].done; });
    }

private:
    void work() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            work_.wait(lock, [&] { return cancelled_ || next_ < ready_ || reading_done_; });
            if (cancelled_ || next_ >= ready_) return;
            const std::size_t i = next_++;
            lock.unlock();
            evaluate_slot(slots_[i]);
            lock.lock();
            slots_[i].done = true;
            done_.notify_all();
        }
    }
    void evaluate_slot(Slot& s) {
        try {
            if (auto* text = std::get_if<std::string>(&s.input))
                s.evaluation = evaluate(program_, PersonRecord::from_json(*text), as_of_, {language_});
            else if (auto* record = std::get_if<PersonRecord>(&s.input))
                s.evaluation = evaluate(program_, *record, as_of_, {language_});
        } catch (const Error& e) {
            s.error = e;
        } catch (...) {
            s.failure = std::current_exception();
        }
        s.input = std::monostate{};  // its memory back as soon as it is done
    }

    const Program& program_;
    std::vector<Slot>& slots_;
    const Date as_of_;
    const Language language_;
    std::mutex mutex_;
    std::condition_variable work_, done_;
    std::size_t ready_ = 0, next_ = 0;
    bool reading_done_ = false, cancelled_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace

py::list evaluate_many(const Program& program, py::iterable records, Date as_of, Language language, bool keep_errors,
                       bool as_dicts, unsigned threads) {
    const py::list items(records);  // the slots must not move while workers read them
    const std::size_t n = items.size();
    std::vector<Slot> slots(n);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads ? threads : cores, std::max<std::size_t>(1, n)));
    py::list out(n);
    {
        Pipeline pipeline(program, slots, as_of, language, threads);
        std::size_t read = 0;
        for (; read < n; ++read) {
            Slot& s = slots[read];
            try {
                const py::handle record = items[read];
                if (is_json_text(record))
                    s.input = json_text(record);
                else
                    s.input = person_record(record);
            } catch (const Error& e) {
                s.error = e;
                if (!keep_errors) {
                    ++read;  // records after it cannot be the first refused
                    break;
                }
            }
            // Handed over in small steps: a worker's wake-up costs more than one record.
            if (read % 8 == 7) pipeline.ready(read + 1, false);
        }
        pipeline.ready(read, true);
        for (std::size_t i = 0; i < read; ++i) {
            pipeline.wait(i);
            Slot& s = slots[i];
            if (s.failure) std::rethrow_exception(s.failure);
            if (s.error) {
                Error e = in_batch(*s.error, i);
                if (!keep_errors) throw e;
                out[i] = error_object(e);
            } else {
                out[i] = as_dicts ? evaluation_dict(*s.evaluation) : py::cast(std::move(*s.evaluation));
            }
            s.evaluation.reset();
        }
    }
    return out;
}

}  // namespace yr_python
