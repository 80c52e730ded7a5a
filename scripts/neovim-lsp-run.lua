-- `pathc lsp` in a real editor: Neovim 0.7 or later, headless, driven by this script as a
-- configuration would drive it, on this repository's example content (it edits buffers and
-- never saves them). It prints what the editor received: findings, code actions, completion,
-- definition, hover, references.
--
--   PATHC=$PWD/.build/release/pathc PATHC_ROOT=$PWD nvim --headless -u NONE -c "luafile scripts/neovim-lsp-run.lua"
local root = os.getenv("PATHC_ROOT") or vim.fn.getcwd()
local out = io.stdout
local function say(...) out:write(table.concat({...}, " ") .. "\n") end

local client_id = vim.lsp.start_client({
  name = "pathc",
  cmd = { os.getenv("PATHC") or "pathc", "lsp" },
  root_dir = root,
})
say("client started:", tostring(client_id))

vim.cmd("edit " .. root .. "/pathways/competencies/escalation-management.competency.yaml")
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
vim.wait(5000, function() local c = vim.lsp.get_client_by_id(client_id); return c and c.initialized end, 20)
say("initialized:", tostring(vim.lsp.get_client_by_id(client_id).initialized))

-- Type a vague behaviour into the buffer, unsaved.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local row
for i, line in ipairs(lines) do if line:match("behaviors:$") then row = i; break end end
vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { "      - Communicates well with customers" })
vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("diagnostic line %d col %d [%s] %s", d.lnum + 1, d.col + 1, tostring(d.code), (d.message:gsub("\n", " / "))))
end

-- Code actions on that line.
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = row, character = 0 }, ["end"] = { line = row, character = 40 } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, row) } }
local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000)
for _, response in pairs(actions or {}) do
  for _, action in ipairs(response.result or {}) do say("code action:", action.title) end
end

-- Undo the edit; the finding goes.
vim.cmd("silent! undo")
vim.wait(5000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
say("after undo, findings in the buffer:", tostring(#vim.diagnostic.get(buf)))

-- Completion of a new top-level key.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "uu" })
local last = vim.api.nvim_buf_line_count(buf) - 1
local completion = vim.lsp.buf_request_sync(buf, "textDocument/completion",
  { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last, character = 2 } }, 5000)
for _, response in pairs(completion or {}) do
  for _, item in ipairs((response.result or {}).items or {}) do
    say("completion:", item.label, "-", item.documentation and item.documentation.value or "")
  end
end
vim.api.nvim_buf_set_lines(buf, last, last + 1, false, {})

-- From a role's reference: definition and hover.
vim.cmd("edit " .. root .. "/pathways/roles/customer-success-manager.role.yaml")
local role = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(role, client_id)
local role_lines = vim.api.nvim_buf_get_lines(role, 0, -1, false)
local ref
for i, line in ipairs(role_lines) do if line:match("competency: escalation%-management$") then ref = i - 1; break end end
local at = { textDocument = { uri = vim.uri_from_bufnr(role) }, position = { line = ref, character = #role_lines[ref + 1] - 4 } }
local definition = vim.lsp.buf_request_sync(role, "textDocument/definition", at, 5000)
for _, response in pairs(definition or {}) do
  for _, location in ipairs(response.result or {}) do
    say("definition:", vim.uri_to_fname(location.uri):sub(#root + 2), "line", tostring(location.range.start.line + 1))
  end
end
local hover = vim.lsp.buf_request_sync(role, "textDocument/hover", at, 5000)
for _, response in pairs(hover or {}) do
  if response.result then say("hover:", (response.result.contents.value:gsub("\n+", " / "))) end
end
local references = vim.lsp.buf_request_sync(role, "textDocument/references",
  vim.tbl_extend("force", at, { context = { includeDeclaration = true } }), 5000)
for _, response in pairs(references or {}) do say("references:", tostring(#(response.result or {}))) end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
say("stopped")
vim.cmd("qa!")
