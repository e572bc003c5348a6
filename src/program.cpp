#include "program_data.hpp"

namespace yrkesresan {

namespace detail {

static std::shared_ptr<const ProgramData> build(const json& definition) {
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
}  // namespace detail

Program Program::from_json(std::string_view definition) {
    const detail::Document doc(detail::parse_json(definition, detail::program_limits));
    return Program(detail::build(doc.get()));
}

Program Program::with_overlay(std::string_view overlay) const {
    // The definition is read again and changed in place: nothing is copied,
    // and both documents are released without allocating (json_input.hpp).
    detail::Document definition(detail::parse_json(data_->definition, detail::program_limits));
    const detail::Document doc(detail::parse_json(overlay, detail::overlay_limits));
    const detail::OverlayPaths moved = detail::apply_overlay(definition.get(), doc.get());
    try {
        return Program(detail::build(definition.get()));
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
const std::string& Program::to_json() const noexcept { return data_->definition; }
const std::string& Program::organisation() const noexcept { return data_->organisation; }
const std::vector<ProgramChange>& Program::changes() const noexcept { return data_->changes; }
const std::vector<Component>& Program::components() const noexcept { return data_->components; }
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

}  // namespace yrkesresan
