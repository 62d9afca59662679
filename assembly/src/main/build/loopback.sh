# Sourced by fast-start.sh and bench/lib.sh: points an unpacked assembly at loopback ports, offline.
# loopback DIR HTTP_PORT SSH_PORT RMI_REGISTRY_PORT RMI_SERVER_PORT
loopback() {
  local etc="$1/etc"
  [ -f "$etc/org.ops4j.pax.web.cfg" ] && sed -i '/^org.osgi.service.http.port/d' "$etc/org.ops4j.pax.web.cfg"
  printf '\norg.osgi.service.http.port = %s\norg.ops4j.pax.web.listening.addresses = 127.0.0.1\n' "$2" >> "$etc/org.ops4j.pax.web.cfg"
  sed -i 's/^sshPort *=.*/sshPort = '"$3"'/; s/^sshHost *=.*/sshHost = 127.0.0.1/' "$etc/org.apache.karaf.shell.cfg"
  sed -i 's/^rmiRegistryPort *=.*/rmiRegistryPort = '"$4"'/; s/^rmiServerPort *=.*/rmiServerPort = '"$5"'/' "$etc/org.apache.karaf.management.cfg"
  printf '\norg.ops4j.pax.url.mvn.repositories = \norg.ops4j.pax.url.mvn.offline = true\n' >> "$etc/org.ops4j.pax.url.mvn.cfg"
}
