-- Neovim 0.7.2 as a second real LSP client (no vim.lsp.start there: start_client + buf_attach_client).
-- Acts out the shared scenario (test/e2e/support/scenario.ts) on the current buffer and writes what
-- the user would see to $QUNGUI_RESULT as JSON; any failure is written there too, never a hang.
local scenario = vim.fn.json_decode(os.getenv('QUNGUI_SCENARIO'))
local result = { published = {} }
local bufnr = vim.api.nvim_get_current_buf()

-- Keep every publishDiagnostics as sent: the raw LSP codes and UTF-16 ranges.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  table.insert(result.published, params)
  return publish(err, params, ctx, config)
end

local function main()
  local client_id = vim.lsp.start_client({
    name = 'qungui',
    cmd = { 'node', os.getenv('QUNGUI_SERVER'), '--stdio' },
    root_dir = vim.fn.getcwd(),
    init_options = { locale = 'zh-CN' },
    on_exit = function(code) result.exit_code = code end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. The clean example. A server need not publish for a clean file, so silence is allowed here;
  --    the edit's diagnostics and the completion below prove that it answers.
  vim.wait(5000, function() return #result.published >= 1 end, 20)
  result.initial = vim.diagnostic.get(bufnr)

  -- 2. Give the catch-all band a threshold (the scenario's lines are ASCII: byte = UTF-16 column).
  local at = scenario.breakAt
  local edited = vim.loop.hrtime()
  vim.api.nvim_buf_set_text(bufnr, at.line, at.character, at.line, at.character, { scenario.breakText })
  local has_error = function() return #vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR }) > 0 end
  assert(vim.wait(20000, has_error, 10), 'no error diagnostic within 20 s of the edit')
  result.diagnostic_ms = (vim.loop.hrtime() - edited) / 1e6
  result.broken = vim.diagnostic.get(bufnr)
  result.broken_lsp = result.published[#result.published].diagnostics

  -- 3. Retype the rating id from its prefix and ask for completions there.
  local c = scenario.completeAt
  vim.api.nvim_buf_set_text(bufnr, c.line, c.character, c.line, c.character + #scenario.completeWord, { scenario.completePrefix })
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = c.line, character = c.character + #scenario.completePrefix },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
  assert(responses, 'completion request failed: ' .. tostring(err))
  result.completion = {}
  for _, response in pairs(responses) do
    if response.err then result.completion_error = response.err end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item) end
  end
end

local ok, failure = pcall(main)
if not ok then result.error = tostring(failure) end
local file = io.open(os.getenv('QUNGUI_RESULT'), 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
