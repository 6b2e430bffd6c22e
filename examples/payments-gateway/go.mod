module example.com/payments-gateway

go 1.22
