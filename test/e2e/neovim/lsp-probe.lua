-- Neovim 0.7.2 as a second real LSP client (no vim.lsp.start there: start_client + buf_attach_client).
-- Acts out the shared scenario on the current buffer and writes what the user would see to
-- $QUNGUI_RESULT as JSON. Driven by test/e2e/neovim.e2e.test.ts.
local scenario = vim.fn.json_decode(os.getenv('QUNGUI_SCENARIO'))
local result = { published = {} }
local bufnr = vim.api.nvim_get_current_buf()

-- Count publishDiagnostics so we can wait for the answer to each edit.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  table.insert(result.published, params)
  return publish(err, params, ctx, config)
end

local function finish()
  local file = io.open(os.getenv('QUNGUI_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local client_id = vim.lsp.start_client({
  name = 'qungui',
  cmd = { 'node', os.getenv('QUNGUI_SERVER'), '--stdio' },
  root_dir = vim.fn.getcwd(),
  init_options = { locale = 'zh-CN' },
  on_exit = function(code) result.exit_code = code end,
})
vim.lsp.buf_attach_client(bufnr, client_id)

local function wait_for_publish(count, what)
  local started = vim.loop.hrtime()
  if not vim.wait(20000, function() return #result.published >= count end, 20) then
    result.error = 'no publishDiagnostics after ' .. what
    finish()
  end
  return (vim.loop.hrtime() - started) / 1e6
end

-- 1. The clean example.
wait_for_publish(1, 'opening the file')
result.initial = vim.diagnostic.get(bufnr)

-- 2. Give the catch-all band a threshold (the scenario's lines are ASCII: byte = UTF-16 column).
local at = scenario.breakAt
local seen = #result.published
vim.api.nvim_buf_set_text(bufnr, at.line, at.character, at.line, at.character, { scenario.breakText })
result.diagnostic_ms = wait_for_publish(seen + 1, 'the edit')
-- The server may answer an older version first; wait until the error is there (or time out).
vim.wait(5000, function() return #vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR }) > 0 end, 20)
result.broken = vim.diagnostic.get(bufnr)
result.broken_lsp = result.published[#result.published].diagnostics

-- 3. Retype the rating id from its prefix and ask for completions there.
local c = scenario.completeAt
vim.api.nvim_buf_set_text(bufnr, c.line, c.character, c.line, c.character + #scenario.completeWord, { scenario.completePrefix })
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = c.line, character = c.character + #scenario.completePrefix },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
result.completion = {}
for _, response in pairs(responses or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item) end
  result.completion_error = response.err
end
finish()
