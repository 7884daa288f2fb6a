# container mode: the new container joins another container's network
# namespace (as the containers of a Kubernetes pod do): same eth0, same IP,
# same MAC; the two talk over lo.
docker run -d --name web -p 8080:80 nginx
docker run -d --name sidecar --network container:web busybox sleep 3600
# container mode cannot publish ports or set a hostname: Docker refuses
docker run -d --name bad --network container:web -p 9090:90 busybox sleep 3600
