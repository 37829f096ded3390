#!/usr/bin/env python3
"""What one diagnostic costs the database, against the run command's instance (docs/performance.md).

Takes diagnostics one at a time as the demonstration worker (with an Idempotency-Key, the
demonstration's answer sheets), and prints, per diagnostic, MariaDB's global counters (statements,
executions, stored-procedure calls, InnoDB fsyncs) and the client-side latency percentiles. With
--slow-log, also writes every statement to MariaDB's slow log for a second series and prints where
the database time goes, statement by statement (the application's pool connections are closed
first so that they reopen with the new setting: the instance answers 503 for a moment).

Development instance only: it logs in as the embedded server's local administrator.

    ./repere run    # until « Repère est prêt »
    python3 diagnostic-web/src/load/probe/write_path.py --count 200 --slow-log 60
"""
import argparse, collections, json, os, re, subprocess, time, urllib.request, http.cookiejar, uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../.."))
p = argparse.ArgumentParser()
p.add_argument("--base", default="http://127.0.0.1:8080")
p.add_argument("--count", type=int, default=200)
p.add_argument("--slow-log", type=int, default=0, help="diagnostics of the slow-log series (0: none)")
p.add_argument("--client", default=os.path.join(ROOT, ".repere/mariadb/base/bin/mariadb"))
p.add_argument("--port", default="3307")
a = p.parse_args()

MYSQL = [a.client, "-h127.0.0.1", "-P" + a.port, "-urepere_admin", "-prepere-admin-local", "--skip-ssl", "-N", "-B"]
SHEETS = [d["body"]["answers"] for d in json.load(open(os.path.join(ROOT, "diagnostic-web/src/test/resources/demo/diagnostics.json")))
          if "answers" in d["body"]]


def sql(statement):
    return subprocess.run(MYSQL + ["-e", statement], capture_output=True, text=True, check=True).stdout


def status():
    return {l.split("\t")[0]: int(l.split("\t")[1]) for l in sql("SHOW GLOBAL STATUS").splitlines()
            if "\t" in l and l.split("\t")[1].isdigit()}


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login = opener.open(urllib.request.Request(a.base + "/api/v1/session", headers={"Content-Type": "application/json"},
                                           data=json.dumps({"email": "travailleur@demo.repere.invalid",
                                                            "password": "demo-repere"}).encode()))
csrf = json.load(login)["csrfToken"]


def take(i):
    body = json.dumps({"caseRef": "SONDE-%s" % uuid.uuid4().hex[:10], "answers": SHEETS[i % len(SHEETS)]}).encode()
    request = urllib.request.Request(a.base + "/api/v1/diagnostics", data=body, headers={
        "Content-Type": "application/json", "X-CSRF-Token": csrf, "Idempotency-Key": str(uuid.uuid4())})
    start = time.perf_counter()
    opener.open(request).read()
    return (time.perf_counter() - start) * 1000


def series(n):
    for i in range(10):  # warm-up
        take(i)
    before = status()
    latencies = sorted(take(i) for i in range(n))
    after = status()
    return before, after, latencies


before, after, lat = series(a.count)
print("%d diagnostics, one at a time" % a.count)
for k in ["Questions", "Com_stmt_execute", "Com_insert", "Com_update", "Com_select", "Com_call_procedure",
          "Innodb_data_fsyncs"]:
    print("  %-20s %7.2f per diagnostic" % (k, (after[k] - before[k]) / a.count))
print("  latency p50 %.1f ms, p90 %.1f ms, max %.1f ms" % (lat[a.count // 2], lat[int(a.count * .9)], lat[-1]))

if a.slow_log:
    log = os.path.join(ROOT, ".repere/tmp/write-path-slow.log")
    if os.path.exists(log):
        os.remove(log)
    sql("SET GLOBAL slow_query_log_file='%s'; SET GLOBAL long_query_time=0; SET GLOBAL slow_query_log=1" % log)
    for pid in sql("SELECT id FROM information_schema.processlist WHERE user = 'repere_app'").split():
        subprocess.run(MYSQL + ["-e", "KILL %s" % pid], capture_output=True)
    time.sleep(2)
    urllib.request.urlopen(a.base + "/health/ready").read()
    try:
        series(a.slow_log)
    finally:
        sql("SET GLOBAL slow_query_log=0; SET GLOBAL long_query_time=10")
    total = collections.Counter(); count = collections.Counter()
    for entry in re.split(r"(?=^# Time:|^# User@Host)", open(log).read(), flags=re.M):
        m = re.search(r"# Query_time: ([\d.]+)", entry)
        if not m or "SHOW GLOBAL STATUS" in entry:
            continue
        text = re.sub(r"'[^']*'", "?", " ".join(l for l in entry.splitlines()
                                                   if l and not l.startswith(("#", "SET timestamp", "use "))))
        key = " ".join(text.split()[:2 if text.startswith("XA") else 4])[:60]
        total[key] += float(m.group(1)); count[key] += 1
    n = a.slow_log + 10
    print("slow log, %d diagnostics: %.1f statements and %.2f ms of database time per diagnostic"
          % (n, sum(count.values()) / n, sum(total.values()) * 1000 / n))
    for k, v in total.most_common(12):
        print("  %6.2f ms %5.1f x  %s" % (v * 1000 / n, count[k] / n, k))
