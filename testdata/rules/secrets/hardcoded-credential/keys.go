package hardcoded

// PEM private keys, whatever holds them.

const rsaKey = "-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQCs3B0aHLEPuQfp2DmAoaUGbgSNtFs1nWgSlnZ+I2S0R9nIvXW3\n0AjKEetksUgB1vb2CM8miIy1I7XLTBPCEyg5rdKQaUHAHcSbj1//DPXagEeJiMBL\nDiz5amhEWppvXZIQxx0Y+YGsHrAofk6KHhdp2YtOhwqVpJL3TfkO8aMSqwIDAQAB\nAoGBAIrNoSzDl0ZJzNnwv5PTuODl3RAwoAD4aYZrfbCiGQ5Ol8mCoRE9oqEoLH3J\ngUnA5MQBpN2LTnlxuFwLtd3kZipALYxPNvQObMSGZf7iiWGVluIrvz7mU4td817G\n1LjnQkeq5n6cUHxQG/kJ7r6ZmEIZPPbsStAt4/yUOnsKBYt5AkEA4CkROqWRtIUk\nAV4XtuU9ZzgfJ2XE+Mq5nLJCRWSAeVLB8dUfCQto/t3T4nqJPfj9j9i7hk10VuvY\nV3ssJT10jwJBAMVpprzDK3iXfMsICpodVsF8Om++9w0xyhyXhKIkDBvH4JcrRwtV\nZhLYp12qE9/+OIVrh9yXVurpAoD8ocpMJiUCQD8Ay+rj5lQKp9gKjjfFrsB4Malt\nHTOgJxM3txCx8rom3IQQFq0AG/6mcotRTYmxlfL8Q5i35F8Z4rCT2hCNeVkCQF7J\nMqjRoQ6+1cl6a/TBf4VZS4maDG8GZ//AdIuReUrhdqG+wtbbQy5rXjjnz7EuFB9j\nmRE+jRovlOcv5dMHKw0CQHwkiM2CV7x2t8YfTao1ZklCLu6IQdNb250Nqr+5LT9n\ngNOiO+ER40KpG5O6xZctJUkVIiZysPQQnhkh1sATJKI=\n-----END RSA PRIVATE KEY-----\n" // want "RSA private key \\(\\d+ characters\\) in `rsaKey`"

var ecKey = []byte("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEICQKULM+w8RLexDzG+NWTBVBja55qbog6dyxij8fbWzloAoGCCqGSM49\nAwEHoUQDQgAERD2xTMlFt7k09ZljyLd4T/gcd8fwwzxTUMwT8jiTvmxiX3keCYGQ\n5ki8yIHPAW3bcIPRYPX42I718V85bp5s9g==\n-----END EC PRIVATE KEY-----\n") // want "EC private key"

var pkcs8Key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPQxly8LClH98gJ5PuKFTJrgweOEU327KJHl5SD76TjV\n-----END PRIVATE KEY-----\n" // want "PKCS#8 private key"

// A raw string over several lines (the want comment needs a line of its own).
var sshKey = "" + // want "OpenSSH private key"
	`-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACC6FbiTtWQrFYXwAuEjO4bynQRiv8Nx6rlqOfhDFx0CRgAAAJCEiycWhIsn
FgAAAAtzc2gtZWQyNTUxOQAAACC6FbiTtWQrFYXwAuEjO4bynQRiv8Nx6rlqOfhDFx0CRg
AAAECgbggntwBGEUH3GwbkivSekeOhCEKpna1atvWOc5e8WroVuJO1ZCsVhfAC4SM7hvKd
BGK/w3HquWo5+EMXHQJGAAAAB3Jvb3RAdm0BAgMEBQY=
-----END OPENSSH PRIVATE KEY-----
`

// An encrypted key is reported at a low severity: it still needs its passphrase.
var encryptedKey = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjC6uclLrFVCQICCAAw\nDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEFrFh3azxQ55P2MfqjVmtlwEQDtC\nqZ8TH3kghB1OIXxriljIsE9KcpsQ/R/ifbY/y4Fs9n4J7oxejIlmrR1YeeJE096s\n/9XslY5EXM4xYJgg7QM=\n-----END ENCRYPTED PRIVATE KEY-----\n" // want "encrypted PKCS#8 private key"

// Certificates and public keys are not secrets; neither is a key block without a body.
const publicKey = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
-----END PUBLIC KEY-----
`

const keyHeaderOnly = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"

// Keys written as the bare base64 of their DER encoding, as payment SDKs ship them.
const merchantPrivateKey = "MIICXQIBAAKBgQDBx9NHvrrR8Zg7xgqoaCVfP6TRhEnsY2wY1ElqAAI8nsU36/axCe8ujQrCeQHAVxREpDsxs2L4UpxeVLiS3dKZP7wts5TPqkmXHjigAr0TARtgzIAhBN4B55pot88z6Jw7UUw8VfXTxNEM+PXCM8+EV8zFt4iTD0AwhLgo2nbKBwIDAQABAoGALwKmPAKGWgZNUzrxPPe/EUNkXbvFH0bjY4akpMWJxWETIUTqXPq2/skSsikfBqVZcmmRPrZxLSMFclEFUgPkYgMjNukRRCd0fglD5dkHuuhsisGCXpfrDsTtfI7yzzHNERqb9vS3p8qfDCmxaaHWWdtpfNztwu0hUEOBbFukN8kCQQDh6zF0YjzGDSc9E8213Txmfiyqrwqqaqb5WVF/Y4YbGUB5qHugjLbjRQvOYWNm7g/FCFr8x2k9DoKDaVYJNqTDAkEA25UmnzFUlSqnJOqtOCiJx9H7X3vocWKM1HSPUMbHmpgTFJ2PhfL/w8ssvdX+0Hzbc1TP35GmVjlB2nGOk9yhbQJAcn69+5vl7QGxhzTIJolPGSqM/JvlreSLZwerVAJebtFnacDHluB5t8jAaQHWXM390/+eDUoKvdTitDLoVZcJ/QJBAKX8BQnpPErVxys8ylvdKOmHbUEsZPTwzgv7YCprWI8fzayTvd4/Zd8XQmbt0ITBHRH9VnVloBslhQYfOOvEp7ECQQCBYSMksmD+EwNJnPHFAQdYxvMcJD2MbJ2vtQS+rNACuOXxMkPW6sCbQNtdPA/VrOka3fvjYSZXHRtp6vZLSl1o" // want "RSA private key \\(\\d+ characters\\) in `merchantPrivateKey`"

var sandboxKeys = map[string]string{
	"pkcs8": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsD9Ap6XB0y/UksBypjSbRZTXc3VSnplMiCklYCXsHSqhRANCAAQVqUPY84yR254gDz3FJqLcmp8C9/6gHtzLZg+ZLDZ6JHXJYFpVrauYHW/F78jaQYkbQlGZqL5CeXuCzP8HoGmK", // want "PKCS#8 private key"
	"sec1":  "MHcCAQEEIKCNkJUTlG4UZidZhMT7mLdAjeUVGWO/6CFnsWmC1kdqoAoGCCqGSM49AwEHoUQDQgAEJ1PXxB7NnRKX6zNIkHlfN1asr7ClC29ylfn8m3rDJAnt8YzkZ3OXgmE1gK+3JEgdqPBs2F/Jx5m8u5q/TbCxYQ==",                     // want "EC private key"
}

// Negative: a public key (SubjectPublicKeyInfo has no version).
const gatewayPublicKey = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDRiqRMfX2LP8skh1dzYIqHOrgwePGVibzKWOwwbGsz3Mj0nInQrM6XjreY0DQ2FDfnFyqDhGYCoiFexGqq7YnKvvmihwoDw8h+obmq2H2FyOx7OdBRfL3DEJOlV+EaKgfNKLAQcfaBYAcSdp91N1/soRHckNiIb19oLQTHb/FKZQIDAQAB"
