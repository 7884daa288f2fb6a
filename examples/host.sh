# host mode: the container shares the host's network namespace. No veth, no
# address of its own, no NAT: it uses the host's interfaces and ports, so
# published ports are discarded (Docker prints a warning).
docker run -d --name monitor --network host -p 9100:9100 prom/node-exporter
