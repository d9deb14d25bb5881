import random
random.seed(12)
rows=["户编号,身份证号,姓名,与户主关系,区划代码,联系电话,残疾类别,残疾等级,人员状态,死亡日期,住址"]
for i in range(50000):
    rows.append(f"G{i},{random.randint(10**9,10**12)}X{i},姓名{i}@#,关系{i%13},{random.randint(1,10**11)},电话{i},类别{i%11},等级{i%9},状态{i%5},2020-13-{i%40:02d},"+"地址"*random.randint(5,35))
open("/tmp/imports-bench/garbage.csv","w",encoding="utf-8").write("\n".join(rows)+"\n")
