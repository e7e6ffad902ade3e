"""One estimator process of `sim_audit.audit`: relays the protocol's lines between sim-audit
(stdin/stdout) and the Python process that holds the fit (a local socket), so that the fit can
be any callable of that process. Usage: python -m sim_audit._relay HOST PORT (the token in
SIM_AUDIT_RELAY_TOKEN)."""
import os
import socket
import sys


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    with socket.create_connection((host, port)) as conn:
        reader = conn.makefile("rb")
        conn.sendall((os.environ.get("SIM_AUDIT_RELAY_TOKEN", "") + "\n").encode())
        for line in sys.stdin.buffer:
            if not line.strip():
                continue
            conn.sendall(line if line.endswith(b"\n") else line + b"\n")
            reply = reader.readline()
            if not reply:
                sys.stderr.write("sim_audit relay: the auditing Python process closed the connection\n")
                sys.exit(1)
            sys.stdout.buffer.write(reply)
            sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
