"""Drives a `deskphone fake lab` as a Python test would: the standard library only.

Usage: lab_calls.py USER PASSWORD URL_101 URL_102 URL_103
Listens for the phones' action URLs on 127.0.0.1, writes them to the phones with
dummy.htm?settings=save (Digest, urllib's own implementation), and plays the call scenarios.
Prints one line per scenario passed; exits 1 at the first failure.
"""
import http.server
import queue
import sys
import threading
import urllib.parse
import urllib.request

EVENTS = ["incoming", "outgoing", "connected", "disconnected", "missed", "hold", "unhold",
          "offhook", "onhook"]
SETTING = {"hold": "action_hold", "unhold": "action_unhold"}
WAIT = 5.0

user, password, *urls = sys.argv[1:]
exts = ["101", "102", "103"]
base = dict(zip(exts, (u.rstrip("/") for u in urls)))
events = queue.Queue()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        events.put({k: v[0] for k, v in q.items()})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_address[1]

passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
for u in urls:
    passwords.add_password(None, u, user, password)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


def send(ext, query, method="GET"):
    request = urllib.request.Request(base[ext] + query, method=method)
    with opener.open(request, timeout=WAIT) as answer:
        if answer.status != 200:
            fail(f"{method} {query} on {ext} answered {answer.status}")


def fail(why):
    print("FAILED: " + why, flush=True)
    sys.exit(1)


def expect(ext, event, **values):
    """Waits for ext's event (earlier other events are kept for later)."""
    kept = []
    try:
        while True:
            try:
                e = events.get(timeout=WAIT)
            except queue.Empty:
                fail(f"no {event} from {ext}; unread: {kept}")
            if e.get("p") == ext and e.get("e") == event:
                for k, v in values.items():
                    if e.get(k) != v:
                        fail(f"{event} from {ext} had {k}={e.get(k)!r}, not {v!r}")
                return e
            kept.append(e)
    finally:
        for e in kept:
            events.put(e)


def quiet(ext, event):
    """No `event` from ext among everything received so far."""
    drained = []
    while not events.empty():
        drained.append(events.get())
    if any(e.get("p") == ext and e.get("e") == event for e in drained):
        fail(f"{ext} fired {event}")


def drain():
    while not events.empty():
        events.get()


for ext in exts:
    settings = {"settings": "save"}
    for event in EVENTS:
        name = SETTING.get(event, f"action_{event}_url")
        settings[name] = (f"http://127.0.0.1:{port}/ev?p=$local&e={event}"
                          "&r=$remote&c=$call-id&n=$nr_ongoing_calls")
    send(ext, "/dummy.htm?" + urllib.parse.urlencode(settings, quote_via=urllib.parse.quote))

# A calls B, B answers, B hangs up
send("101", "/command.htm?number=102")
call = expect("102", "incoming", r="101")["c"]
send("102", "/command.htm?key=ENTER", method="POST")
expect("101", "connected", c=call)
expect("102", "connected", c=call)
send("102", "/command.htm?key=ONHOOK")
expect("101", "disconnected", c=call, n="0")
expect("102", "disconnected", c=call)
print("answered and hung up", flush=True)
drain()

# reject: the caller sees the end, the rejecting phone fires nothing
send("101", "/command.htm?number=102")
expect("102", "incoming")
send("102", "/command.htm?key=CANCEL")
expect("101", "disconnected")
quiet("102", "disconnected")
print("rejected", flush=True)

# a busy far end
send("101", "/command.htm?number=555")
expect("101", "outgoing", r="555")
expect("101", "disconnected", r="555")
print("busy far end", flush=True)

# no answer, until the caller gives up
send("101", "/command.htm?number=556")
expect("101", "outgoing", r="556")
send("101", "/command.htm?key=CANCEL")
expect("101", "disconnected", r="556")
quiet("101", "connected")
print("no answer", flush=True)

# hold toggles, DTMF reaches the other side
send("101", "/command.htm?number=102")
expect("102", "incoming")
send("102", "/command.htm?key=OFFHOOK")
expect("101", "connected")
send("101", "/command.htm?key=F_HOLD")
expect("101", "hold")
send("101", "/command.htm?key=F_HOLD", method="POST")
expect("101", "unhold")
send("101", "/command.htm?key_dtmf=12%23")
print("hold and DTMF", flush=True)

# a call while another is up: 103 calls 102, which answers and so holds 101
send("103", "/command.htm?number=102")
expect("102", "incoming", r="103")
send("102", "/command.htm?key=ENTER")
expect("102", "hold", r="101")
expect("103", "connected", r="102")
send("102", "/command.htm?RELEASE_ALL_CALLS")
expect("101", "disconnected")
expect("103", "disconnected")
print("second call", flush=True)
server.shutdown()
