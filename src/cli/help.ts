export const HELP = `Usage: graph-conformance [options]
       graph-conformance sweep [--older-than 1h] [--yes] [target options]
       graph-conformance diff --base-url URL [--fixtures-dir DIR] [--baseline FILE]
       graph-conformance docs-check [--json] FILE.md…
       graph-conformance contract [--path]
       graph-conformance check-mocks FILE [--profile openapi|graph] [--report-dir DIR] [--baseline FILE|NAME] [--quiet]
       graph-conformance make-mocks [--dev-proxy FILE] [--mockoon FILE]
       graph-conformance emulate [--port 4010] [--seed FILE] [--defect NAME]… [--variant NAME]… [options]
       (installed: npx graph-conformance …; in a clone of the repository: npm run conformance -- …)

Runs the connectorGroups conformance checks and writes results.json, junit.xml and report.html.
Without options it replays the recorded fixtures offline. diff sends the recorded requests to a target
and lists, field by field, where its answers differ from the recorded ones (exit 1 on any difference).
docs-check validates the request/response examples of Graph reference pages against the slice
(graph-conformance docs-check --help). contract writes the slice itself (specs/openapi.yaml) to
stdout, or with --path prints where the installed file is, to start a mock on it:
  npx @stoplight/prism-cli@5.14.2 mock "$(npx graph-conformance contract --path)"
check-mocks judges a Dev Proxy mocks file statically: what Dev Proxy would serve for each mock of a
connectorGroups operation (status 200 unless set, its Content-Type, its body) against the slice,
with a run's reports and exit codes (graph-conformance check-mocks --help). make-mocks writes a Dev
Proxy mocks file, a Mockoon environment or both, made from the contract (Graph's statuses, the
contract's examples for its example ids, 404 for any other id), ones that check-mocks passes, to
start from. emulate serves an in-memory Graph for the application-proxy slice on this machine, seeded
with a default tenant, until Ctrl-C; it prints its base URL (graph-conformance emulate --help):
  npx graph-conformance emulate --port 4010 &
  npx graph-conformance --base-url http://127.0.0.1:4010

Options (environment variable in brackets):
  --target replay|url|live  where to send requests [CONFORMANCE_TARGET]; default replay,
                            --base-url alone implies url; live = Microsoft Graph
                            (https://graph.microsoft.com/beta) with a token from --token or
                            @azure/identity (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET |
                            AZURE_CLIENT_CERTIFICATE_PATH | AZURE_FEDERATED_TOKEN_FILE, or az login)
                              graph-conformance --target replay
                              graph-conformance --target live --record
  --base-url URL            root the spec's paths are appended to [GRAPH_BASE_URL]
                              graph-conformance --base-url http://127.0.0.1:4010
  --token TOKEN             bearer token [GRAPH_ACCESS_TOKEN]; url targets get a placeholder without one.
                            Prefer the variable: npm and CI logs print the command line (a warning
                            says so when CI=true). The token goes to the base URL's origin only.
                              GRAPH_ACCESS_TOKEN=... graph-conformance --base-url http://127.0.0.1:4010
  --profile openapi|graph   openapi: only what the slice states; graph (default): also Graph's
                            behaviour (echo, request-id, client-request-id) [CONFORMANCE_PROFILE]
                              graph-conformance --base-url http://127.0.0.1:4010 --profile openapi
  --record                  with url: also write scrubbed recordings that replay serves [CONFORMANCE_RECORD=1]
                              graph-conformance --base-url http://127.0.0.1:4010 --record
  --fixtures-dir DIR        where --record writes and replay and diff read; default the recordings
                            the package ships (fixtures/recordings/); an installed package's
                            --record needs one [CONFORMANCE_FIXTURES_DIR]
  --report-dir DIR          default reports/ [CONFORMANCE_REPORT_DIR]
  --seed N                  faker seed; random by default and always printed [CONFORMANCE_SEED]
                              graph-conformance --base-url http://127.0.0.1:4010 --seed 42
  --only PATTERN            run the checks whose id matches a prefix or glob; repeat or comma-separate
                            [CONFORMANCE_ONLY]
                              graph-conformance --only 'create.header.*'
  --timeout MS              per request, headers and body; default 30000 [CONFORMANCE_TIMEOUT_MS]
  --max-body-bytes N        a response body past N bytes is not read further and is judged as too
                            large; default 16777216 (16 MiB) [CONFORMANCE_MAX_BODY_BYTES]
  --throttle-budget MS      longest total wait for 429/503 Retry-After over the run; past it the
                            throttling is the verdict; default 300000 [CONFORMANCE_THROTTLE_BUDGET_MS]
  --property-runs N         generated bodies per property check; default 25 [CONFORMANCE_PROPERTY_RUNS]
  --settle-ms MS            longest wait for eventual consistency per read after a write; default
                            15000 live, 3750 url (0 for a url target that answers an id it never
                            issued: it keeps no state) [CONFORMANCE_SETTLE_MS]
                              graph-conformance --base-url http://127.0.0.1:4010 --only property. --property-runs 200
  --concurrency N           requests (and suites) in flight at once; the steps of one chain stay in
                            order; default 32 url and replay, 4 live [CONFORMANCE_CONCURRENCY]
  --baseline FILE|NAME      check ids known to fail against this target, with reasons (YAML:
                            "create.header.request-id: Prism sends none"); reported as known,
                            they do not fail the run [CONFORMANCE_BASELINE]. A name instead of a
                            file is a baseline the package ships for --profile graph: prism
                            (Prism 5.14.2) or mockoon (Mockoon 9.9.0); an existing file comes first
                              graph-conformance --base-url http://127.0.0.1:4010 --baseline prism
                              graph-conformance --base-url http://127.0.0.1:4010 --baseline my-mock.yaml
  --strict-baseline         a baseline entry that now passes fails the run [CONFORMANCE_STRICT_BASELINE=1]
  --dry-run                 send nothing: list what a live run would create, modify and delete, and where
  --write-baseline FILE     after the run, write a baseline of every failed or blocked check, its
                            message as the reason, to review and pass to --baseline; the exit code
                            stays the run's [CONFORMANCE_WRITE_BASELINE]
                              graph-conformance --base-url http://127.0.0.1:4010 --write-baseline my-mock.yaml
  --shard i/n               run the i-th of n slices of the suites (for a CI matrix) [CONFORMANCE_SHARD]
                              graph-conformance --shard 2/3
  --capabilities LIST       capabilities of the target declared instead of probed, name=yes|no,
                            comma-separated [CONFORMANCE_CAPABILITIES]; filter-startswith: $filter takes
                            startswith(name,'…'). Without one, its rules are judged another way or
                            skipped (capability:<name>), which does not fail the run
                              graph-conformance --base-url http://127.0.0.1:4010 --capabilities filter-startswith=no
  --quiet                   print only failures, warnings and the summary (default when CI=true)
  --verbose                 a line per check even when CI=true
  -h, --help                this text

sweep lists the conformance- groups left on the target by killed runs; --older-than 1h keeps to
runs that started that long ago; --yes deletes them (otherwise a dry run).
  graph-conformance sweep --target live --older-than 1h --yes

Every selected check ends with a verdict. One that could not be judged because something earlier
failed is reported blocked (skipped, with blockedBy: the failed check's id or suite:<cause>).

Exit codes: 0 every check passed (warnings allowed), 1 a check failed or was blocked by the target,
2 usage or configuration error (a blocking recording among them), target unreachable, or no check
ran, 130 interrupted (what the run had created is deleted first, or the sweep command to run is printed).
`;
