/**
 * The demo lab, built in so `netmodes demo` reads no file at run time.
 * MIXED_LAB is examples/mixed-lab.sh verbatim (a test keeps them equal);
 * the demo adds the two modes that file leaves out, ipvlan and overlay.
 */

/** examples/mixed-lab.sh. */
export const MIXED_LAB = `# A lab with every mode the article describes, side by side.
docker network create --subnet 10.88.0.0/24 app
docker run -d --name web --network app -p 8080:80 nginx
docker run -d --name db --network app postgres
docker run -d --name legacy -p 127.0.0.1:9090:90/udp busybox sleep 3600
docker run -d --name sidecar --network container:web busybox sleep 3600
docker run -d --name monitor --network host prom/node-exporter
docker run -d --name vault --network none busybox sleep 3600
docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 lan
docker run -d --name printer --network lan busybox sleep 3600
`

const MORE_MODES = `# ipvlan: like macvlan, but every container shares the parent's MAC address.
# The parent eth0.50 is VLAN 50 on eth0: Docker creates the 802.1Q sub-interface itself.
docker network create -d ipvlan --subnet 192.168.50.0/24 -o parent=eth0.50 vlan50
docker run -d --name sensor --network vlan50 busybox sleep 3600
# overlay: a VXLAN network spanning the nodes of a swarm (this host is its only node).
docker swarm init --advertise-addr 10.0.2.15
docker network create -d overlay --attachable backbone
docker run -d --name svc --network backbone busybox sleep 3600
`

/** The whole demo: the mixed lab, then ipvlan and overlay. */
export const DEMO_SCRIPT = `${MIXED_LAB}${MORE_MODES}`
