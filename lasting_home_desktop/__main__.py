from lasting_home_desktop.cli import main

raise SystemExit(main())
