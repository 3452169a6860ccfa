#!/usr/bin/env bash
# A standard MTA on this machine to try the console against:
# Postfix on 127.0.0.1 with
#   port 25   plain, STARTTLS offered, no AUTH (mail for lab.example.com accepted)
#   port 587  submission: STARTTLS required, AUTH PLAIN/LOGIN (user alice@lab.example.com)
#   port 465  implicit TLS (smtps), AUTH PLAIN/LOGIN
# with a self-signed certificate for localhost/127.0.0.1 (written to /etc/postfix/lab-cert.pem: pin it with
# `gateway set --trust-cert /etc/postfix/lab-cert.pem`). Every message is delivered to the mbox
# /var/mail/labmail. Needs root and Debian's postfix, sasl2-bin and libsasl2-modules (installed if missing).
#
#   sudo src/test/scripts/postfix-lab.sh [PASSWORD]      (default password: lab-Passw0rd)
set -euo pipefail
PASSWORD=${1:-lab-Passw0rd}
if ! command -v postfix >/dev/null || ! command -v saslpasswd2 >/dev/null; then
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string lab.example.com" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix sasl2-bin libsasl2-modules >/dev/null
fi
id labmail >/dev/null 2>&1 || useradd -m labmail

if [ ! -f /etc/postfix/lab-cert.pem ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout /etc/postfix/lab-key.pem -out /etc/postfix/lab-cert.pem 2>/dev/null
  chmod 600 /etc/postfix/lab-key.pem
fi

# SASL users in sasldb, read by Postfix's smtpd (not chrooted, see master.cf below).
echo "$PASSWORD" | saslpasswd2 -p -c -u lab.example.com alice
chown root:postfix /etc/sasldb2 && chmod 640 /etc/sasldb2
mkdir -p /etc/postfix/sasl
cat > /etc/postfix/sasl/smtpd.conf <<CONF
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN
CONF

postconf -e "myhostname = lab.example.com" "mydomain = lab.example.com" "myorigin = lab.example.com" \
  "inet_interfaces = loopback-only" "inet_protocols = ipv4" "mydestination = lab.example.com, localhost" \
  "mynetworks = 127.0.0.0/8" "local_recipient_maps =" "luser_relay = labmail" "alias_maps =" \
  "smtpd_tls_cert_file = /etc/postfix/lab-cert.pem" "smtpd_tls_key_file = /etc/postfix/lab-key.pem" \
  "smtpd_tls_security_level = may" "smtpd_sasl_path = smtpd" "smtpd_sasl_type = cyrus" \
  "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination" \
  "maillog_file = /var/log/postfix.log" "compatibility_level = 3.6"

# The submission and smtps services, not chrooted so that they can read /etc/sasldb2.
postconf -M# submission/inet smtps/inet 2>/dev/null || true
postconf -M "submission/inet=submission inet n - n - - smtpd" \
            "smtps/inet=smtps inet n - n - - smtpd"
postconf -P "submission/inet/smtpd_tls_security_level=encrypt" "submission/inet/smtpd_sasl_auth_enable=yes" \
            "submission/inet/smtpd_tls_auth_only=yes" \
            "submission/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject" \
            "smtps/inet/smtpd_tls_wrappermode=yes" "smtps/inet/smtpd_sasl_auth_enable=yes" \
            "smtps/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
postconf -F "smtp/inet/chroot=n"

newaliases 2>/dev/null || true
postfix check
postfix status >/dev/null 2>&1 && postfix reload || postfix start
echo "Postfix lab: 25 (plain/STARTTLS), 587 (STARTTLS+AUTH), 465 (TLS+AUTH); user alice@lab.example.com"
echo "certificate: /etc/postfix/lab-cert.pem; mailbox: /var/mail/labmail; log: /var/log/postfix.log"
