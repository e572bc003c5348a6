#include "program_data.hpp"

YRKESRESAN_BEGIN_NAMESPACE

namespace detail {

static std::shared_ptr<ProgramData> build(const json& definition) {
    auto data = std::make_shared<ProgramData>(compile_program(definition));
    data->definition = definition.dump();
    // What to_json gives must load again: overlays may not grow a program past its limits.
    try {
        const Document check(parse_json(data->definition, program_limits));
    } catch (const Error& e) {
        if (e.code() != ErrorCode::limit_exceeded) throw;
        throw Error(ErrorCode::limit_exceeded, "", "with its overlays the program exceeds a limit: " + e.message());
    }
    return data;
}

// to_json() of a program with earlier programs: its definition, and under
// "earlier" each earlier program with the date it holds until.
static std::string document_of(const ProgramData& p) {
    if (p.earlier.empty()) return {};
    std::string doc = p.definition;
    doc.pop_back();  // the closing brace of the definition object
    doc += ",\"earlier\":[";
    for (std::size_t i = 0; i < p.earlier.size(); ++i) {
        if (i) doc += ',';
        doc += "{\"until\":\"" + p.earlier[i].until.to_string() + "\",\"program\":" + p.earlier[i].data->definition + "}";
    }
    return doc + "]}";
}

// A definition as to_json() writes it: "earlier" is read here, the rest by compile_program.
static std::shared_ptr<const ProgramData> build_document(json& definition) {
    std::vector<ProgramData::Earlier> earlier;
    if (definition.is_object() && definition.contains("earlier")) {
        Diagnostics diag;
        const json& list = definition["earlier"];
        if (!list.is_array()) diag.add(ErrorCode::wrong_type, "/earlier", "expected an array of earlier programs");
        for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
            ObjectReader r(list[i], "/earlier/" + std::to_string(i), diag, {"until", "program"});
            const auto until = r.date("until", true);
            const json* program = r.object("program", true);
            if (!until || !program) continue;
            if (!earlier.empty() && !(earlier.back().until < *until))
                diag.add(ErrorCode::invalid_value, r.path("until"), "earlier programs are in order of their dates, each date once");
            else if (program->contains("earlier"))
                diag.add(ErrorCode::invalid_value, r.path("program") + "/earlier", "an earlier program has no earlier programs");
            else earlier.push_back({*until, build(*program)});
        }
        diag.throw_if_any();
        release(definition["earlier"]);
        definition.erase("earlier");
    }
    auto data = build(definition);
    data->earlier = std::move(earlier);
    data->document = document_of(*data);
    return data;
}

// One definition with one overlay applied; problems are reported in the overlay.
static std::shared_ptr<ProgramData> overlaid(const ProgramData& base, const json& overlay) {
    // The definition is read again and changed in place: nothing is copied,
    // and both documents are released without allocating (json_input.hpp).
    Document definition(parse_json(base.definition, program_limits));
    const OverlayPaths moved = apply_overlay(definition.get(), overlay);
    try {
        return build(definition.get());
    } catch (const Error& e) {
        // A value the overlay set is reported where the overlay sets it.
        std::vector<Problem> problems = e.problems();
        for (auto& p : problems)
            for (const auto& [in_program, in_overlay] : moved)
                if (p.path.compare(0, in_program.size(), in_program) == 0 &&
                    (p.path.size() == in_program.size() || p.path[in_program.size()] == '/')) {
                    p.path = in_overlay + p.path.substr(in_program.size());
                    break;
                }
        throw Error(std::move(problems));
    }
}

}  // namespace detail

Program Program::from_json(std::string_view definition) {
    detail::Document doc(detail::parse_json(definition, detail::program_limits));
    return Program(detail::build_document(doc.get()));
}

Program Program::with_overlay(std::string_view overlay) const {
    using detail::ProgramData;
    const detail::Document doc(detail::parse_json(overlay, detail::overlay_limits));
    auto main = detail::overlaid(*data_, doc.get());  // reports every problem of the overlay itself
    std::optional<Date> from;
    if (const auto it = doc.get().find("applies_from"); it != doc.get().end()) from = Date::parse(it->get<std::string>());

    // The programs of earlier employments, and where each begins (nullopt: always).
    std::vector<ProgramData::Earlier> earlier = data_->earlier;
    if (from) {
        // The overlay's date divides the period that holds it; before it, the program stays as it is.
        std::optional<Date> lower;
        std::size_t i = 0;
        while (i < earlier.size() && !(*from < earlier[i].until)) lower = earlier[i++].until;
        if (!lower || *lower < *from) {
            std::shared_ptr<const ProgramData> before;
            if (i < earlier.size()) {
                before = earlier[i].data;
            } else {
                auto self = std::make_shared<ProgramData>(*data_);
                self->earlier.clear();
                self->document.clear();
                before = std::move(self);
            }
            earlier.insert(earlier.begin() + static_cast<std::ptrdiff_t>(i), {*from, std::move(before)});
        }
    }
    std::optional<Date> lower;
    for (auto& e : earlier) {
        if (!from || (lower && !(*lower < *from))) {
            try {
                e.data = detail::overlaid(*e.data, doc.get());
            } catch (const Error& err) {
                std::vector<Problem> problems = err.problems();
                for (auto& p : problems) p.message += " (in the program of persons employed before " + e.until.to_string() + ")";
                throw Error(std::move(problems));
            }
        }
        lower = e.until;
    }
    main->earlier = std::move(earlier);
    main->document = detail::document_of(*main);
    return Program(std::move(main));
}

Program Program::with_overlays(const std::vector<std::string>& overlays) const {
    Program p = *this;
    for (const auto& o : overlays) p = p.with_overlay(o);
    return p;
}

const std::string& Program::id() const noexcept { return data_->id; }
const std::string& Program::version() const noexcept { return data_->version; }
const std::string& Program::title() const noexcept { return data_->title; }
Date Program::valid_from() const noexcept { return data_->valid_from; }
const std::vector<std::string>& Program::layers() const noexcept { return data_->layers; }
const std::vector<Phase>& Program::phases() const noexcept { return data_->phases; }
const std::vector<Checklist>& Program::checklists() const noexcept { return data_->checklists; }
const std::vector<Section>& Program::sections() const noexcept { return data_->sections; }
const std::vector<Item>& Program::items() const noexcept { return data_->items; }
const std::string& Program::to_json() const noexcept {
    return data_->document.empty() ? data_->definition : data_->document;
}
const std::string& Program::organisation() const noexcept { return data_->organisation; }
const std::vector<ProgramChange>& Program::changes() const noexcept { return data_->changes; }
const std::vector<Component>& Program::components() const noexcept { return data_->public_components; }
const std::vector<Module>& Program::modules() const noexcept { return data_->modules; }
const std::vector<Recommendation>& Program::recommendations() const noexcept { return data_->recommendations; }

std::optional<std::uint32_t> Program::find_component(std::string_view id) const noexcept {
    auto it = data_->component_index.find(id);
    if (it == data_->component_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> Program::find_module(std::string_view id) const noexcept {
    auto it = data_->module_index.find(id);
    if (it == data_->module_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> Program::find_item(std::string_view id) const noexcept {
    auto it = data_->item_index.find(id);
    if (it == data_->item_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::uint32_t> Program::find_checklist(std::string_view id) const noexcept {
    auto it = data_->checklist_index.find(id);
    if (it == data_->checklist_index.end()) return std::nullopt;
    return it->second;
}

const Phase& Program::phase_at(int months) const noexcept {
    // Phases are sorted and tile [0, inf): the last one starting at or below wins.
    const Phase* found = &data_->phases.front();
    for (const auto& ph : data_->phases)
        if (ph.from_months <= months) found = &ph;
    return *found;
}

YRKESRESAN_END_NAMESPACE
