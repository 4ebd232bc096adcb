import runpy, sys, os; here = os.path.dirname(os.path.abspath(__file__)); sys.argv = ["check_seed_set.py", here]
runpy.run_path(os.path.join(here, "..", "check_seed_set.py"), run_name="__main__")
