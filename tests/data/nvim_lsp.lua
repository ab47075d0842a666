-- Headless Neovim (0.7+) as a real editor for tests/test_lsp_neovim.py: open the
-- guide named by GUIDELINT_GUIDE, attach `guidelint lsp`, wait for its
-- diagnostics, apply the fix-all code action through Neovim, and write what
-- Neovim saw to GUIDELINT_OUT as JSON.
local guide, out = os.getenv("GUIDELINT_GUIDE"), os.getenv("GUIDELINT_OUT")
local result = { diagnostics = {}, actions = {}, lines = {} }

local function finish(err)
  result.error = err
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(guide))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "guidelint",
  cmd = { os.getenv("GUIDELINT_PYTHON"), "-m", "guidelint", "lsp" },
  root_dir = os.getenv("GUIDELINT_ROOT"),
  init_options = { debounceMs = 0 },
})
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then return finish("no diagnostics within 15 s") end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, end_col = d.end_col,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    message = d.message, severity = d.severity })
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
  context = { diagnostics = {}, only = { "source.fixAll.guidelint" } },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.actions, action.title)
    vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  end
end
result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
finish(nil)
