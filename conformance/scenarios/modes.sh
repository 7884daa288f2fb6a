# --network none / host / container:
docker run -d --name nonec --network none netmodes/busybox:test sleep 3600
docker run -d --name hostc --network host netmodes/busybox:test sleep 3600
docker run -d --name web -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name side --network container:web netmodes/busybox:test sleep 3600
docker run -d --name side2 --network container:side netmodes/busybox:test sleep 3600
snapshot running
docker stop -t 1 web
