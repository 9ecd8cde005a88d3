from panelapp.cli import main

raise SystemExit(main())
