module example.com/httpheaders

go 1.22
