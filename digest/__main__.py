from digest.cli import main

if __name__ == "__main__":  # guarded: extraction worker processes import this module
    main()
