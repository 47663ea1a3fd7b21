#!/usr/bin/env python3
"""tests/hostile/listener.py PORTFILE LOG: listen on 127.0.0.1 (a free port,
written to PORTFILE) and append one line to LOG for every connection and
every UDP datagram, with the first line of what was sent; answer HTTP
requests with a small DTD-looking body.  Runs until killed."""
import socket
import sys
import threading

portfile, log = sys.argv[1], sys.argv[2]


def record(what):
    with open(log, "a") as f:
        f.write(what + "\n")


def serve(conn, addr):
    conn.settimeout(2)
    try:
        data = conn.recv(4096)
    except OSError:
        data = b""
    record("tcp %s:%d %r" % (addr[0], addr[1], data.split(b"\r\n", 1)[0][:200]))
    try:
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n<!ENTITY x 'leak'>\n")
    except OSError:
        pass
    conn.close()


def udp(sock):
    while True:
        data, addr = sock.recvfrom(4096)
        record("udp %s:%d %r" % (addr[0], addr[1], data[:200]))


tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
tcp.bind(("127.0.0.1", 0))
tcp.listen(16)
port = tcp.getsockname()[1]
# the same port number for UDP, where it is free
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u.bind(("127.0.0.1", port))
    threading.Thread(target=udp, args=(u,), daemon=True).start()
except OSError:
    pass
with open(portfile + ".tmp", "w") as f:
    f.write("%d\n" % port)
import os
os.rename(portfile + ".tmp", portfile)
while True:
    conn, addr = tcp.accept()
    threading.Thread(target=serve, args=(conn, addr), daemon=True).start()
