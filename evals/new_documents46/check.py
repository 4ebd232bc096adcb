import runpy, sys, os; here = os.path.dirname(os.path.abspath(__file__)); sys.argv = ["check_new_documents.py", here]
runpy.run_path(os.path.join(here, "..", "check_new_documents.py"), run_name="__main__")
